package org.grantline.cluster;

import org.grantline.AppProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.grantline.PostgresDatabase;
import org.grantline.TestFiles;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two grantline nodes (separate JVMs, job executors on) on one PostgreSQL database, as grantline scales out.
 * 500 applications go through the OP-2014 lifecycle with API calls spread over both nodes, and the 12-month
 * match-funding timers fire on whichever node's job executor takes them. In the middle of the load one node
 * is killed with SIGKILL and restarted. The end state must be exact: every application where its script
 * leads, one ledger row per tranche, one decision record per decision, an intact audit chain, no failed job.
 * Skipped, with a message, where no PostgreSQL is reachable at 127.0.0.1:5432.
 */
class TwoNodesOnPostgresIT {

    static final int APPLICATIONS = Integer.getInteger("cluster.applications", 500);
    static final int CLIENTS = 8;
    /**
     * Generous: these limits only catch a node that never comes up. On a slow 2-core machine a node took 71 s to
     * start alone, and a restart beside node A at full load went past 3 minutes.
     */
    static final Duration START_LIMIT = Duration.ofMinutes(5);
    static final Duration RESTART_LIMIT = Duration.ofMinutes(10);
    static final String PG = PostgresDatabase.SERVER;
    static final String ADMIN_PASSWORD = "cluster-admin-" + Long.toHexString(System.nanoTime());
    static final String PASSWORD = "cluster-user-password";
    static final String APPLICANT = "cluster-applicant";
    static final String CASEWORKER = "cluster-caseworker";
    static final String AUDITOR = "cluster-auditor";
    static final ObjectMapper JSON = new ObjectMapper();

    static String database;
    static Path work;
    static AppProcess nodeA;
    static AppProcess nodeB;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    static final AtomicBoolean nodeBDown = new AtomicBoolean();
    static final AtomicLong requests = new AtomicLong();

    /** What the script does with application i, and where it must end. */
    enum Script {
        FULL("COMPLETED"), NOT_SELECTED("NOT_SELECTED"), WITHDRAWN("WITHDRAWN");

        final String endStage;

        Script(String endStage) {
            this.endStage = endStage;
        }

        static Script of(int i) {
            return i % 10 == 0 ? NOT_SELECTED : i % 10 == 1 ? WITHDRAWN : FULL;
        }
    }

    @BeforeAll
    static void cluster() throws Exception {
        PostgresDatabase.assumeReachable("the two-node cluster test");
        database = PostgresDatabase.create("grantline_cluster");
        work = Files.createDirectories(Path.of("target", "cluster", database).toAbsolutePath());
        Path rules = testRules(work.resolve("rules"));
        List<String> arguments = List.of("--spring.profiles.active=postgres",
                "--grantline.rules-dir=" + rules, "--grantline.bpmn-dir=" + Path.of("bpmn").toAbsolutePath(),
                "--grantline.data-dir=" + work.resolve("data"),
                // a killed node's job locks expire after 10 s, so its timers are taken over quickly
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--grantline.rules.refresh-interval=PT2S");
        Map<String, String> environment = Map.of("GRANTLINE_DB_URL", PG + database, "GRANTLINE_DB_USER", "postgres",
                "GRANTLINE_ADMIN_PASSWORD", ADMIN_PASSWORD, "GRANTLINE_CLOCK_START", "2014-02-10T09:00");
        String classPath = System.getProperty("java.class.path");
        nodeA = new AppProcess("node A", AppProcess.freePort(), work.resolve("node-a.log"), classPath, List.of(),
                arguments, environment);
        nodeB = new AppProcess("node B", AppProcess.freePort(), work.resolve("node-b.log"), classPath, List.of(),
                arguments, environment);
        // The first node creates the schema; the second joins a database that is ready.
        nodeA.start();
        nodeA.awaitReady(START_LIMIT);
        nodeB.start();
        nodeB.awaitReady(START_LIMIT);
        createUser(APPLICANT, "applicant");
        createUser(CASEWORKER, "caseworker");
        createUser(AUDITOR, "auditor");
    }

    @AfterAll
    static void shutDown() throws Exception {
        for (AppProcess node : new AppProcess[]{nodeA, nodeB}) {
            if (node != null) {
                node.stop();
            }
        }
        if (database != null && !Boolean.getBoolean("grantline.test.keep-databases")) {
            PostgresDatabase.drop(database);
        }
    }

    /**
     * The real OP-2014 rules with room for every test application (capacity, budget) and the match-funding
     * check due at once, so its timer fires during the test. Their scenarios, which check the real values,
     * are left out.
     */
    static Path testRules(Path target) throws IOException {
        TestFiles.copyTree(Path.of("rules"), target);
        Path round = target.resolve("OP-2014");
        replace(round.resolve("parameters/getting-ready.yaml"), "2014-01-01: 141", "2014-01-01: 100000");
        replace(round.resolve("parameters/budget.yaml"), "2014-01-01: 3500000", "2014-01-01: 1000000000");
        replace(round.resolve("parameters/making-it-happen.yaml"), "    2014-01-01: 12\n", "    2014-01-01: 0\n");
        TestFiles.deleteTree(round.resolve("scenarios"));
        return target;
    }

    @Test
    void fiveHundredApplicationsOnTwoNodesWithACrashReachTheExactEndState() throws Exception {
        Map<Integer, String> ids = new ConcurrentHashMap<>();
        LinkedBlockingQueue<Integer> work = new LinkedBlockingQueue<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            work.add(i);
        }
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger steps = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread crash = new Thread(() -> crashNodeBWhen(() -> steps.get() >= APPLICATIONS * 4, failures), "crash");
        crash.start();

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (finished.get() < APPLICATIONS && System.nanoTime() < deadline) {
                    Integer i = work.poll(200, TimeUnit.MILLISECONDS);
                    if (i == null) {
                        continue;
                    }
                    try {
                        if (step(i, ids, failures)) {
                            finished.incrementAndGet();
                        } else {
                            steps.incrementAndGet();
                            work.add(i);
                        }
                    } catch (RuntimeException e) {
                        failures.add("application " + i + ": " + e);
                        work.add(i);
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(25, TimeUnit.MINUTES)).isTrue();
        crash.join(RESTART_LIMIT.plusMinutes(1).toMillis());
        assertThat(crash.isAlive()).as("node B's crash and restart are over").isFalse();

        assertThat(failures).as("server errors or impossible states").isEmpty();
        assertThat(finished.get()).as("applications at their end stage (" + requests.get() + " requests)")
                .isEqualTo(APPLICATIONS);
        assertExactEndState(ids);
    }

    /** Kills node B with SIGKILL once the load is well under way, then restarts it on the same port. */
    private static void crashNodeBWhen(java.util.function.BooleanSupplier condition, List<String> failures) {
        try {
            while (!condition.getAsBoolean()) {
                Thread.sleep(100);
            }
            nodeBDown.set(true);
            nodeB.kill();
            Thread.sleep(2000);
            long restart = System.nanoTime();
            nodeB.start();
            nodeB.awaitReady(RESTART_LIMIT);
            nodeBDown.set(false);
            System.out.printf("node B ready again %d s after its restart%n",
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - restart));
        } catch (Exception e) {
            failures.add("crash and restart of node B: " + e);
        }
    }

    /** One step of application i's script, decided from its current state. True when it is at its end. */
    private static boolean step(int i, Map<Integer, String> ids, List<String> failures) throws InterruptedException {
        Script script = Script.of(i);
        String id = ids.get(i);
        if (id == null) {
            String created = create(i);
            if (created != null) {
                ids.put(i, created);
            }
            return false;
        }
        Response state = call(APPLICANT, "GET", "/api/applications/" + id, null);
        if (state == null) {
            return false;
        }
        JsonNode app = state.json();
        String stage = app.path("stage").asText();
        Set<String> submitted = new java.util.HashSet<>();
        app.path("submissions").forEach(s -> submitted.add(s.path("type").asText()));
        String task = null;
        for (JsonNode t : app.path("openTasks")) {
            task = t.path("key").asText();
        }
        if (stage.equals(script.endStage)) {
            return true;
        }
        if (task != null) {
            completeTask(id, task, script);
            return false;
        }
        switch (stage) {
            case "GETTING_READY" -> {
                if (script == Script.WITHDRAWN) {
                    call(APPLICANT, "POST", "/api/applications/" + id + "/withdrawal", "{\"reason\": \"partnership dissolved\"}");
                } else if (!submitted.contains("DEVELOPMENT_STRATEGY")) {
                    submit(id, "DEVELOPMENT_STRATEGY", Lifecycle.STRATEGY);
                } else if (!submitted.contains("LOGIC_MODEL")) {
                    submit(id, "LOGIC_MODEL", Lifecycle.LOGIC_MODEL);
                } else {
                    submit(id, "GETTING_GOING_APPLICATION", Lifecycle.GETTING_GOING);
                }
            }
            case "OPERATIONAL_PLAN" -> {
                if (!submitted.contains("DRAFT_PLAN")) {
                    submit(id, "DRAFT_PLAN", Lifecycle.DRAFT_PLAN);
                } else {
                    submit(id, "FINAL_PLAN", Lifecycle.finalPlan("10000", "15000", "30000"));
                }
            }
            case "IMPLEMENTATION" -> submit(id, "MATCH_FUNDING_COMMITMENTS",
                    Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "15000"));
            case "OUTTURN" -> submit(id, "OUTTURN", Lifecycle.outturn("1", "1", "1"));
            // waiting for a rule task or the match-funding timer: a job executor moves it on
            case "ELIGIBILITY", "SUBMITTED", "REVIEW", "GETTING_GOING", "SIGN_OFF", "MATCH_FUNDING" -> Thread.sleep(100);
            default -> failures.add("application " + i + " (" + script + ") reached stage " + stage);
        }
        return false;
    }

    private static void completeTask(String id, String task, Script script) {
        String variables = switch (task) {
            case "Task_ReviewApplication" -> "{\"approved\": " + (script != Script.NOT_SELECTED) + "}";
            case "Task_ApproveGettingGoing" -> "{\"approved\": true, \"approvedExtra\": false}";
            case "Task_ReviewOperationalPlan" -> "{\"approved\": true}";
            case "Task_FollowUpMatchFunding" -> "{\"followUpNote\": \"Chased the council; not paid\"}";
            default -> throw new IllegalStateException("unexpected task " + task);
        };
        Response tasks = call(CASEWORKER, "GET", "/api/tasks?applicationId=" + id + "&key=" + task, null);
        if (tasks != null && tasks.json().size() == 1) {
            call(CASEWORKER, "POST", "/api/tasks/" + tasks.json().get(0).path("id").asText() + "/complete",
                    "{\"variables\": " + variables + "}");
        }
    }

    private static void submit(String id, String type, String body) {
        call(APPLICANT, "POST", "/api/applications/" + id + "/submissions/" + type, body);
    }

    /** Submits application i; after a lost answer, finds it by its lead (E9 makes a second one a duplicate). */
    private static String create(int i) {
        String lead = "Cluster lead " + i;
        Response created = call(APPLICANT, "POST", "/api/applications", """
                {"round": "OP-2014",
                 "lead": {"name": "%1$s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": true},
                 "area": {"name": "Cluster area %2$d", "district": "District %2$d", "inEngland": true},
                 "partners": [{"name": "Council %2$d", "type": "LOCAL_AUTHORITY", "trackRecord": true}],
                 "themes": ["HEALTH_AND_WELLBEING"],
                 "proposal": {"specificIntervention": true, "needEvidenced": true, "buildsOnPriorActivity": false}}
                """.formatted(lead, i));
        if (created != null && created.status() == 201) {
            return created.json().path("id").asText();
        }
        for (int page = 0; ; page++) {
            Response list = call(APPLICANT, "GET", "/api/applications?round=OP-2014&size=500&page=" + page, null);
            if (list == null || list.json().isEmpty()) {
                return null;
            }
            for (JsonNode summary : list.json()) {
                if (summary.path("leadName").asText().equals(lead)) {
                    return summary.path("id").asText();
                }
            }
        }
    }

    private void assertExactEndState(Map<Integer, String> ids) throws Exception {
        int full = 0;
        int notSelected = 0;
        int withdrawn = 0;
        for (int i = 0; i < APPLICATIONS; i++) {
            switch (Script.of(i)) {
                case FULL -> full++;
                case NOT_SELECTED -> notSelected++;
                case WITHDRAWN -> withdrawn++;
            }
        }
        assertThat(ids).hasSize(APPLICATIONS);
        try (Connection db = DriverManager.getConnection(PG + database, "postgres", "")) {
            assertThat(rows(db, "select id_, count(*) from act_id_user where id_ like 'demo-%' group by id_"))
                    .as("the production profile creates no demo users").isEmpty();
            assertThat(rows(db, "select stage, count(*) from application group by stage"))
                    .isEqualTo(Map.of("COMPLETED", (long) full, "NOT_SELECTED", (long) notSelected,
                            "WITHDRAWN", (long) withdrawn));
            assertThat(rows(db, "select award_type || ' ' || number || ' ' || status || ' ' || sum(amount), count(*) "
                    + "from tranche group by award_type, number, status")).isEqualTo(Map.of(
                    "GETTING_READY 1 PAYABLE " + 3000 * full + ".00", (long) full,
                    "GETTING_READY 1 WITHHELD " + 3000 * withdrawn + ".00", (long) withdrawn,
                    "GETTING_GOING 1 PAYABLE " + 9000 * full + ".00", (long) full,
                    "GETTING_GOING 2 PAYABLE " + 1000 * full + ".00", (long) full,
                    "MAKING_IT_HAPPEN 1 WITHHELD " + 10000 * full + ".00", (long) full));
            assertThat(rows(db, "select application_id || award_type || number, count(*) from tranche "
                    + "group by application_id, award_type, number having count(*) > 1")).as("one row per tranche").isEmpty();
            long reachedGettingReady = full + withdrawn;
            Map<String, Long> decisions = new TreeMap<>(Map.of("eligibility", (long) APPLICATIONS,
                    "getting-ready", reachedGettingReady, "getting-going", (long) full,
                    "getting-going-award", (long) full, "final-plan", (long) full, "sign-off", (long) full,
                    "making-it-happen", (long) full, "match-funding-check", (long) full, "outturn", (long) full));
            assertThat(new TreeMap<>(rows(db, "select decision, count(*) from decision_record group by decision")))
                    .isEqualTo(decisions);
            assertThat(rows(db, "select application_id || decision, count(*) from decision_record "
                    + "group by application_id, decision having count(*) > 1")).as("no decision twice").isEmpty();
            assertThat(rows(db, "select 'trail', count(*) from audit_trail where kind = 'DECISION'"))
                    .isEqualTo(Map.of("trail", decisions.values().stream().mapToLong(Long::longValue).sum()));
            assertThat(rows(db, "select 'incidents', count(*) from ACT_RU_INCIDENT")).isEqualTo(Map.of("incidents", 0L));
            assertThat(rows(db, "select 'running', count(*) from ACT_RU_EXECUTION")).isEqualTo(Map.of("running", 0L));
        }
        Response verification = call(AUDITOR, "GET", "/api/audit/verification", null);
        assertThat(verification).isNotNull();
        assertThat(verification.json().path("intact").asBoolean()).as(verification.body()).isTrue();
    }

    private static Map<String, Long> rows(Connection db, String sql) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    // ---- HTTP, spread over the nodes ----------------------------------------------------------------------

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /**
     * Sends to the nodes in turn; a node that does not answer (killed) is skipped. Returns null when the answer
     * was lost (the caller reads the state again), and fails on any 5xx: the nodes must never give one.
     */
    private static Response call(String user, String method, String path, String body) {
        long n = requests.incrementAndGet();
        AppProcess node = (n % 2 == 0 || nodeBDown.get()) ? nodeA : nodeB;
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Basic " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                throw new IllegalStateException(method + " " + path + " on " + node.name() + ": "
                        + response.statusCode() + " " + response.body());
            }
            return new Response(response.statusCode(), response.body());
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            // the node died while answering: whether the change was made is read back from the state
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void createUser(String id, String group) throws IOException, InterruptedException {
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create(nodeA.base() + "/engine-rest/user/create"))
                .header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"profile": {"id": "%s", "firstName": "Cluster", "lastName": "%s", "email": "%s@example.org"},
                         "credentials": {"password": "%s"}}""".formatted(id, group, id, PASSWORD))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(204);
        HttpResponse<String> member = http.send(HttpRequest.newBuilder(URI.create(nodeA.base() + "/engine-rest/group/"
                        + group + "/members/" + id)).header("Authorization", admin)
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(member.statusCode()).as(member.body()).isEqualTo(204);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        if (!content.contains(from)) {
            throw new IllegalStateException(file + " no longer contains '" + from.strip() + "'");
        }
        Files.writeString(file, content.replace(from, to));
    }
}
