package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.GrantlineIT;
import org.grantline.TestFiles;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetVersions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Designers deploy while grantline runs: a broken design (rule syntax, failing scenario, broken diagram) is
 * refused with its report while applications keep being decided with the version in force; a good one
 * comes into force without a restart; a dated parameter applies from its date only; a candidate's impact is
 * shown before it is deployed; versions are listed and compared. Runs on its own copy of rules/ and bpmn/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:design-deployment-it;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/design-it-data",
        "grantline.demo-users.password=" + GrantlineIT.PASSWORD,
})
class DesignDeploymentApiIT {

    static final String DESIGNER = "demo-designer";
    static final String APPLICANT = "demo-applicant";
    static final String CASEWORKER = "demo-caseworker";
    static final String AUDITOR = "demo-auditor";
    static final Path DESIGN = Path.of("target", "design-it", UUID.randomUUID().toString()).toAbsolutePath();
    static final Path RULES = DESIGN.resolve("rules");
    static final Path BPMN = DESIGN.resolve("bpmn");
    static final Path OP_2014 = RULES.resolve("OP-2014");

    @LocalServerPort
    int port;
    @Autowired
    RulesetVersions versions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    ApiClient api;

    @DynamicPropertySource
    static void design(DynamicPropertyRegistry properties) throws IOException {
        TestFiles.copyTree(Path.of("rules"), RULES);
        TestFiles.copyTree(Path.of("bpmn"), BPMN);
        properties.add("grantline.rules-dir", RULES::toString);
        properties.add("grantline.bpmn-dir", BPMN::toString);
    }

    @BeforeEach
    void client() throws IOException {
        api = new ApiClient(port);
        restoreDesign();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void brokenDesignsAreRefusedWhileTheVersionInForceKeepsDeciding() throws Exception {
        String inForce = versionInForce();
        int activationsBefore = api.get(DESIGNER, "/api/designer/deployments").json().size();
        Lifecycle.on("2014-02-10");
        try (Traffic traffic = new Traffic()) {
            append(OP_2014.resolve("eligibility.drl"), "\nrule \"X1 Broken\" when then oops end\n");
            JsonNode syntax = refused();
            assertThat(syntax.path("report").path("problems").toString()).containsPattern("OP-2014/eligibility\\.drl:\\d+:\\d+");
            traffic.awaitMore(2);
            restoreDesign();

            replace(OP_2014.resolve("parameters/getting-ready.yaml"), "2014-01-01: 3000", "2014-01-01: 3100");
            JsonNode scenario = refused();
            assertThat(scenario.path("report").path("scenariosFailed").asInt()).isPositive();
            assertThat(scenario.path("errors").toString()).contains("getting-ready.yaml").contains("SCENARIO");
            traffic.awaitMore(2);
            restoreDesign();

            replace(BPMN.resolve("OP-2014.bpmn"), "targetRef=\"Task_ReviewApplication\"", "targetRef=\"Task_Nowhere\"");
            JsonNode diagram = refused();
            assertThat(diagram.path("errors").toString()).contains("OP-2014.bpmn").contains("BPMN");
            traffic.awaitMore(2);
            restoreDesign();

            replace(BPMN.resolve("OP-2014.bpmn"), "<camunda:formField id=\"reviewNote\" label=\"Note\" type=\"string\" />",
                    "<camunda:formField id=\"reviewNote\" label=\"Note\" type=\"string\" />"
                            + "<camunda:formField id=\"approved\" label=\"Offer a place (again)?\" type=\"boolean\" />");
            JsonNode form = refused();
            assertThat(form.path("errors").toString()).contains("OP-2014.bpmn")
                    .contains("Task_ReviewApplication (line ").contains("form field 'approved' is defined 2 times");
            traffic.awaitMore(2);
        }
        assertThat(versionInForce()).isEqualTo(inForce);
        assertThat(api.get(DESIGNER, "/api/designer/deployments").json()).hasSize(activationsBefore);
    }

    @Test
    void aGoodDesignComesIntoForceWithoutARestartAndVersionsCanBeCompared() throws IOException {
        String before = versionInForce();
        append(OP_2014.resolve("eligibility.drl"), "\n// reviewed by the programme board\n");

        ApiClient.Response deployed = api.post(DESIGNER, "/api/designer/deployments", "");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        assertThat(deployed.json().path("status").asText()).isEqualTo("DEPLOYED");
        String after = versionInForce();
        assertThat(after).isNotEqualTo(before);
        assertThat(deployed.json().path("rounds").toString()).contains(before).contains(after);

        Lifecycle.on("2014-02-10");
        JsonNode application = apply();
        assertThat(application.path("decisions").get(0).path("rulesetVersion").asText()).isEqualTo(after);

        ApiClient.Response again = api.post(DESIGNER, "/api/designer/deployments", "");
        assertThat(again.json().path("status").asText()).as(again.toString()).isEqualTo("UNCHANGED");

        JsonNode versions = api.get(DESIGNER, "/api/designer/versions?round=OP-2014").json();
        JsonNode newest = versions.get(0);
        assertThat(newest.path("version").asText()).isEqualTo(after);
        assertThat(newest.path("inForce").asBoolean()).isTrue();
        assertThat(newest.path("activations").get(0).path("activatedBy").asText()).isEqualTo(DESIGNER);
        assertThat(versions.findValuesAsText("version")).contains(before);

        JsonNode diff = api.get(DESIGNER, "/api/designer/versions/" + before.substring(0, 10) + "/diff/" + after).json();
        JsonNode eligibility = null;
        for (JsonNode file : diff.path("files")) {
            assertThat(file.path("path").asText()).as("unchanged files are left out").isNotEqualTo("round.yaml");
            eligibility = file.path("path").asText().equals("eligibility.drl") ? file : eligibility;
        }
        assertThat(eligibility).as(diff.toString()).isNotNull();
        assertThat(eligibility.path("change").asText()).isEqualTo("CHANGED");
        assertThat(eligibility.path("diff").asText()).startsWith("@@ -").contains("\n+// reviewed by the programme board\n");

        ApiClient.Response patch = api.get(DESIGNER, "/api/designer/versions/" + before + "/diff/" + after, "text/plain");
        assertThat(patch.contentType()).startsWith("text/plain");
        assertThat(patch.body()).contains("--- a/eligibility.drl\n+++ b/eligibility.drl\n@@ -");

        ApiClient.Response restored = api.post(DESIGNER, "/api/designer/versions/" + before.substring(0, 12) + "/deployment", "");
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(versionInForce()).as("rolled back").isEqualTo(before);
        assertThat(apply().path("decisions").get(0).path("rulesetVersion").asText()).isEqualTo(before);

        assertThat(api.get(DESIGNER, "/api/designer/versions/zzzz/diff/" + after).status()).isEqualTo(404);
        assertThat(api.get(CASEWORKER, "/api/designer/versions").status()).isEqualTo(403);
        assertThat(api.post(AUDITOR, "/api/designer/deployments", "").status()).isEqualTo(403);
    }

    @Test
    void aDatedParameterChangeAppliesFromItsDateOnlyAndReplaysKeepTheOldValue() throws IOException {
        Lifecycle.on("2014-03-10");
        String earlier = apply().path("id").asText();
        approve(earlier);
        String decidedBeforeTheChange = decision(earlier, "getting-ready");

        replace(OP_2014.resolve("parameters/getting-ready.yaml"), "    2014-01-01: 3000\n",
                "    2014-01-01: 3000\n    2014-04-01: 3500\n");
        Files.writeString(OP_2014.resolve("scenarios/getting-ready-from-april.yaml"), """
                # The Getting Ready grant rises to £3,500 for places offered from 1 April 2014.
                decision: getting-ready
                date: 2014-04-01
                base:
                  Application: {id: app-1, roundCode: OP-2014, leadName: L, leadType: VCS_BODY,
                    leadCharitablePurpose: true, leadPriorServiceDelivery: true, areaName: A, areaDistrict: D,
                    areaInEngland: true, themes: [HEALTH_AND_WELLBEING], specificIntervention: true,
                    needEvidenced: true, buildsOnPriorActivity: false, submittedOn: 2014-03-10}
                  Partner: [{name: Council, type: LOCAL_AUTHORITY, trackRecord: true}]
                  CaseworkerDecision: {task: Task_ReviewApplication, approved: true, approvedExtra: false}
                  RoundPosition: {acceptedCount: 10, awardCounts: {GETTING_READY: 10}, committed: 30000}
                scenarios:
                  - name: A place offered on 1 April 2014 gets £3,500
                    expect:
                      outcome: AWARDED
                      awards: [{type: GETTING_READY, amount: 3500}]
                """);
        ApiClient.Response deployed = api.post(DESIGNER, "/api/designer/deployments", zip(RULES, "rules"),
                "application/zip");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        assertThat(deployed.json().path("source").asText()).startsWith("bundle ");

        String before = apply().path("id").asText();
        approve(before);
        String after = apply().path("id").asText();
        Lifecycle.on("2014-04-02");
        approve(after);

        assertThat(gettingReadyAmount(earlier)).isEqualTo("3000.00");
        assertThat(gettingReadyAmount(before)).isEqualTo("3000.00");
        assertThat(gettingReadyAmount(after)).isEqualTo("3500.00");

        JsonNode ownVersion = api.get(AUDITOR, "/api/decisions/" + decidedBeforeTheChange + "/replay").json();
        assertThat(ownVersion.path("status").asText()).as(ownVersion.toString()).isEqualTo("MATCH");
        JsonNode newRules = api.get(AUDITOR, "/api/decisions/" + decidedBeforeTheChange + "/replay?version=current").json();
        assertThat(newRules.path("status").asText()).as(newRules.toString()).isEqualTo("MATCH");
        assertThat(newRules.path("replayedVersion").asText()).isEqualTo(versionInForce());
        JsonNode rising = api.get(AUDITOR, "/api/decisions/" + decision(after, "getting-ready") + "/replay").json();
        assertThat(rising.path("status").asText()).as(rising.toString()).isEqualTo("MATCH");
    }

    @Test
    void theImpactOfACandidateIsShownBeforeItIsDeployed() throws IOException {
        Lifecycle.on("2014-02-10");
        apply();
        String inForce = versionInForce();
        // A specific service proposition weighs more: the score of every such application changes.
        replace(OP_2014.resolve("parameters/score.yaml"), "    2014-01-01: 3\n", "    2014-01-01: 5\n");
        ApiClient.Response impact = api.post(DESIGNER, "/api/designer/impact", "");
        assertThat(impact.status()).as(impact.toString()).isEqualTo(200);
        JsonNode round = rounds(impact.json(), "OP-2014");
        assertThat(round.path("activeVersion").asText()).isEqualTo(inForce);
        assertThat(round.path("summary").path("mismatches").asLong()).isPositive();
        assertThat(round.path("changes").toString())
                .contains("{\"field\":\"outputs.values.priorityScore\",\"recorded\":\"10\",\"candidate\":\"12\"}".substring(1));
        assertThat(versionInForce()).as("impact changes nothing").isEqualTo(inForce);
    }

    @Test
    void aChangedDiagramIsANewProcessVersionAndRunningApplicationsStayOnTheirs() throws IOException {
        Lifecycle.on("2014-02-10");
        String running = apply().path("processInstanceId").asText();
        String definitionBefore = definitionOf(running);

        replace(BPMN.resolve("OP-2014.bpmn"), "name=\"Review application\"", "name=\"Review the application\"");
        ApiClient.Response deployed = api.post(DESIGNER, "/api/designer/deployments", "");
        assertThat(deployed.status()).as(deployed.toString()).isEqualTo(200);
        JsonNode process = null;
        for (JsonNode each : deployed.json().path("processes")) {
            if (each.path("key").asText().equals("OP-2014")) {
                process = each;
            } else {
                assertThat(each.path("isNew").asBoolean()).as("unchanged diagram " + each).isFalse();
            }
        }
        assertThat(process).as(deployed.toString()).isNotNull();
        assertThat(process.path("isNew").asBoolean()).isTrue();

        String started = apply().path("processInstanceId").asText();
        assertThat(definitionOf(running)).isEqualTo(definitionBefore);
        assertThat(definitionOf(started)).isEqualTo(process.path("id").asText()).isNotEqualTo(definitionBefore);
    }

    @Test
    void anUnsafeOrMalformedBundleIsRefusedAndChangesNothing() throws IOException {
        String inForce = versionInForce();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("rules/../../evil.txt"));
            zip.write("x".getBytes());
            zip.closeEntry();
        }
        ApiClient.Response traversal = api.post(DESIGNER, "/api/designer/deployments", bytes.toByteArray(), "application/zip");
        assertThat(traversal.status()).as(traversal.toString()).isEqualTo(400);
        assertThat(traversal.contentType()).startsWith("application/problem+json");
        assertThat(Files.exists(DESIGN.resolve("evil.txt"))).isFalse();

        ApiClient.Response notZip = api.post(DESIGNER, "/api/designer/deployments", "not a zip".getBytes(), "application/zip");
        assertThat(notZip.status()).as(notZip.toString()).isEqualTo(400);
        ApiClient.Response json = api.post(DESIGNER, "/api/designer/deployments", "{}", "application/json");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(versionInForce()).isEqualTo(inForce);
    }

    @Test
    void aDeploymentMadeByAnotherNodeIsFollowedWithinTheRefreshInterval() throws Exception {
        append(OP_2014.resolve("getting-ready.drl"), "\n// deployed from the other node\n");
        Ruleset elsewhere = new RulesetCompiler().compile(RulesetFiles.read(OP_2014));
        assertThat(versionInForce()).isNotEqualTo(elsewhere.version());
        // What a deployment on another node leaves in the shared database; this node is not told.
        transaction.executeWithoutResult(status -> {
            versions.register(elsewhere, "designer-on-node-2", Instant.now());
            jdbc.sql("insert into ruleset_activation (round_code, version, activated_at, activated_by, source) "
                            + "values ('OP-2014', ?, ?, 'designer-on-node-2', 'node 2')")
                    .params(elsewhere.version(), Timestamp.from(Instant.now())).update();
        });
        long deadline = System.currentTimeMillis() + 20_000;
        while (!versionInForce().equals(elsewhere.version()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(versionInForce()).isEqualTo(elsewhere.version());
        Lifecycle.on("2014-02-10");
        assertThat(apply().path("decisions").get(0).path("rulesetVersion").asText()).isEqualTo(elsewhere.version());
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private JsonNode refused() {
        ApiClient.Response response = api.post(DESIGNER, "/api/designer/deployments", "");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json();
    }

    private String versionInForce() {
        return api.get(DESIGNER, "/api/rounds/OP-2014").json().path("rulesetVersion").asText();
    }

    private JsonNode apply() {
        ApiClient.Response created = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("design"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private void approve(String applicationId) {
        ApiClient.Response tasks = api.get(CASEWORKER, "/api/tasks?applicationId=" + applicationId
                + "&key=Task_ReviewApplication");
        assertThat(tasks.json()).as(tasks.toString()).hasSize(1);
        ApiClient.Response done = api.post(CASEWORKER, "/api/tasks/" + tasks.json().get(0).path("id").asText()
                + "/complete", "{\"variables\": {\"approved\": true}}");
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    private String gettingReadyAmount(String applicationId) {
        for (JsonNode award : api.get(AUDITOR, "/api/applications/" + applicationId).json().path("awards")) {
            if (award.path("type").asText().equals("GETTING_READY")) {
                return award.path("amount").decimalValue().setScale(2).toPlainString();
            }
        }
        throw new AssertionError("no Getting Ready award for " + applicationId);
    }

    private String decision(String applicationId, String name) {
        for (JsonNode decision : api.get(AUDITOR, "/api/applications/" + applicationId).json().path("decisions")) {
            if (decision.path("decision").asText().equals(name)) {
                return decision.path("id").asText();
            }
        }
        throw new AssertionError("no " + name + " decision for " + applicationId);
    }

    private String definitionOf(String processInstanceId) {
        return api.get(CASEWORKER, "/engine-rest/process-instance/" + processInstanceId).json()
                .path("definitionId").asText();
    }

    private static JsonNode rounds(JsonNode impact, String round) {
        for (JsonNode r : impact.path("rounds")) {
            if (r.path("round").asText().equals(round)) {
                return r;
            }
        }
        throw new AssertionError("no " + round + " in " + impact);
    }

    private static void restoreDesign() throws IOException {
        TestFiles.deleteTree(RULES);
        TestFiles.deleteTree(BPMN);
        TestFiles.copyTree(Path.of("rules"), RULES);
        TestFiles.copyTree(Path.of("bpmn"), BPMN);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(from);
        Files.writeString(file, content.replace(from, to));
    }

    private static byte[] zip(Path folder, String as) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry(as + "/" + folder.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Applications submitted one after another while a test deploys; every one must be decided. */
    private final class Traffic implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread = new Thread(this::loop, "traffic");
        private final String version = versionInForce();

        Traffic() {
            thread.start();
        }

        private void loop() {
            while (running.get()) {
                ApiClient.Response created = api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("traffic"));
                String recorded = created.status() == 201
                        ? created.json().path("decisions").get(0).path("rulesetVersion").asText() : "";
                outcomes.add(created.status() + " " + (recorded.equals(version) ? "in-force" : recorded));
            }
        }

        void awaitMore(int count) {
            int target = outcomes.size() + count;
            long deadline = System.currentTimeMillis() + 30_000;
            while (outcomes.size() < target && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(outcomes.size()).as("applications decided during the deploys").isGreaterThanOrEqualTo(target);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(30_000);
            assertThat(outcomes).isNotEmpty().allMatch("201 in-force"::equals);
        }
    }

    static {
        try {
            Files.createDirectories(DESIGN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
