package org.grantline.api;

import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every role: anonymous callers get 401 (health excepted), a role without the right
 * gets 403, a role with it gets past authorization (the harmless requests used here then answer 2xx or a
 * 4xx about the request itself, never 401/403 or a 5xx). Camunda's REST API and webapps are checked against
 * the same users and Camunda's authorizations, and the webapps' forms against CSRF. Run on H2
 * ({@link AuthorizationApiIT}) and PostgreSQL ({@link AuthorizationOnPostgresIT}).
 */
interface AuthorizationMatrix {

    String ANONYMOUS = "anonymous";
    String APPLICANT = "demo-applicant";
    String CASEWORKER = "demo-caseworker";
    String AUDITOR = "demo-auditor";
    String DESIGNER = "demo-designer";
    String ADMIN = "admin";
    List<String> USERS = List.of(ANONYMOUS, APPLICANT, CASEWORKER, AUDITOR, DESIGNER, ADMIN);
    Set<String> EVERYONE_SIGNED_IN = Set.of(APPLICANT, CASEWORKER, AUDITOR, DESIGNER, ADMIN);
    // the administrator is also a designer (InitialAdministrator)
    Set<String> DESIGNERS = Set.of(DESIGNER, ADMIN);
    Set<String> READERS = Set.of(AUDITOR, DESIGNER, ADMIN);
    Set<String> STAFF = Set.of(CASEWORKER, AUDITOR, DESIGNER, ADMIN);
    Set<String> ENGINE_USERS = Set.of(CASEWORKER, DESIGNER, ADMIN);
    Set<String> SUBMITTERS = Set.of(APPLICANT, CASEWORKER);
    String ZIP = "application/zip";
    String JSON = "application/json";

    RunningApp app();

    /** One request and who may make it; {@code skip}: users it is not sent as (it would change the fixture). */
    record Call(String method, String path, String body, String contentType, Set<String> allowed, Set<String> skip) {
        Call(String method, String path, String body, String contentType, Set<String> allowed) {
            this(method, path, body, contentType, allowed, Set.of());
        }

        String expected(String user) {
            if (path.startsWith("/actuator/health")) {
                return "200";
            }
            if (user.equals(ANONYMOUS)) {
                return "401";
            }
            return allowed.contains(user) ? "allowed" : "403";
        }
    }

    @TestFactory
    default List<DynamicTest> everyEndpointAgainstEveryRole() {
        Lifecycle.on("2014-02-10");
        String unknown = UUID.randomUUID().toString();
        String application = app().api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("matrix"))
                .json().path("id").asText();
        String instance = app().api.get(APPLICANT, "/api/applications/" + application).json()
                .path("processInstanceId").asText();
        // a second application, whose review task the matrix completes
        String reviewed = app().api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("matrix"))
                .json().path("id").asText();
        String task = app().api.get(CASEWORKER, "/api/tasks?applicationId=" + reviewed).json().get(0)
                .path("id").asText();
        String window = "from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z";
        String newUser = "{\"profile\": {\"id\": \"matrix-" + unknown.substring(0, 8) + "\"}, \"credentials\": {\"password\": \"x-"
                + unknown + "\"}}";
        List<Call> calls = List.of(
                // grantline's API
                new Call("GET", "/api/applications", null, null, EVERYONE_SIGNED_IN),
                new Call("POST", "/api/applications", "{}", JSON, SUBMITTERS),
                new Call("POST", "/api/applications/import", "not,the,header\n", "text/csv", Set.of(CASEWORKER)),
                new Call("GET", "/api/applications/" + unknown, null, null, EVERYONE_SIGNED_IN),
                new Call("GET", "/api/applications/" + unknown + "/timeline", null, null, STAFF),
                new Call("POST", "/api/applications/" + unknown + "/submissions/LOGIC_MODEL", "{\"title\": \"x\"}", JSON, SUBMITTERS),
                new Call("POST", "/api/applications/" + unknown + "/withdrawal", "{}", JSON, SUBMITTERS),
                new Call("GET", "/api/tasks", null, null, Set.of(CASEWORKER)),
                new Call("GET", "/api/tasks/" + unknown, null, null, Set.of(CASEWORKER)),
                new Call("POST", "/api/tasks/" + unknown + "/complete", "{\"variables\": {}}", JSON, Set.of(CASEWORKER)),
                new Call("POST", "/api/payments/" + unknown + "/paid", "{}", JSON, Set.of(CASEWORKER)),
                new Call("GET", "/api/decisions/" + unknown, null, null, STAFF),
                new Call("GET", "/api/decisions/" + unknown + "/replay", null, null, READERS),
                new Call("GET", "/api/audit/replay?" + window, null, null, READERS),
                new Call("GET", "/api/audit/replay.csv?" + window, null, null, READERS),
                new Call("GET", "/api/audit/verification", null, null, READERS),
                new Call("GET", "/api/rulesets", null, null, READERS),
                new Call("GET", "/api/opendata/360giving.json?round=FS-2015", null, null, READERS),
                new Call("GET", "/api/opendata/360giving.csv?round=FS-2015", null, null, READERS),
                new Call("GET", "/api/rounds", null, null, EVERYONE_SIGNED_IN),
                new Call("GET", "/api/rounds/OP-2015", null, null, EVERYONE_SIGNED_IN),
                new Call("POST", "/api/cba/calculation?round=OP-2014", "{\"outcomes\": [], \"costs\": []}", JSON, EVERYONE_SIGNED_IN),
                new Call("GET", "/api/cba/unit-values?round=OP-2014", null, null, EVERYONE_SIGNED_IN),
                new Call("POST", "/api/designer/validation", "not a zip", ZIP, DESIGNERS),
                new Call("POST", "/api/designer/deployments", "not a zip", ZIP, DESIGNERS),
                new Call("GET", "/api/designer/deployments", null, null, DESIGNERS),
                new Call("POST", "/api/designer/impact", "not a zip", ZIP, DESIGNERS),
                new Call("GET", "/api/designer/versions", null, null, DESIGNERS),
                new Call("GET", "/api/designer/versions/00000000/diff/11111111", null, null, DESIGNERS),
                new Call("POST", "/api/designer/versions/00000000/deployment", null, null, DESIGNERS),
                new Call("GET", "/v3/api-docs", null, null, EVERYONE_SIGNED_IN),
                // operations
                new Call("GET", "/actuator/health", null, null, Set.of()),
                new Call("GET", "/actuator/health/readiness", null, null, Set.of()),
                new Call("GET", "/actuator/prometheus", null, null, Set.of(AUDITOR, ADMIN)),
                // Camunda's REST API: Spring Security lets caseworkers and designers in, Camunda's authorizations decide
                new Call("GET", "/engine-rest/task", null, null, ENGINE_USERS),
                new Call("GET", "/engine-rest/process-definition", null, null, ENGINE_USERS),
                new Call("GET", "/engine-rest/process-instance/" + instance, null, null, ENGINE_USERS),
                new Call("POST", "/engine-rest/process-instance/" + instance + "/variables",
                        "{\"modifications\": {\"matrixProbe\": {\"value\": 1}}}", JSON, Set.of(ADMIN)),
                new Call("POST", "/engine-rest/message", "{\"messageName\": \"WITHDRAWAL\", \"businessKey\": \"" + application + "\"}",
                        JSON, Set.of(), Set.of(ADMIN)),
                new Call("POST", "/engine-rest/process-definition/key/OP-2014/start", "{}", JSON, Set.of(), Set.of(ADMIN)),
                new Call("POST", "/engine-rest/user/create", newUser, JSON, Set.of(ADMIN)),
                new Call("POST", "/engine-rest/group/create", "{}", JSON, Set.of(ADMIN), Set.of(ADMIN)),
                new Call("POST", "/engine-rest/authorization/create", "{}", JSON, Set.of(ADMIN), Set.of(ADMIN)),
                new Call("POST", "/engine-rest/deployment/create", "", "multipart/form-data; boundary=x", Set.of(ADMIN), Set.of(ADMIN)),
                // a caseworker works the task; a designer may read it but not work it (Camunda authorization)
                new Call("POST", "/engine-rest/task/" + task + "/complete", "{\"variables\": {\"approved\": {\"value\": false}}}",
                        JSON, Set.of(CASEWORKER), Set.of(ADMIN)),
                new Call("DELETE", "/engine-rest/process-instance/" + instance, null, null, Set.of(ADMIN)));

        List<DynamicTest> tests = new ArrayList<>();
        for (Call call : calls) {
            // Those refused go first (a refused call changes nothing), then those allowed, the administrator last:
            // an allowed call may complete the task or delete the instance the others were refused.
            List<String> users = USERS.stream().sorted(java.util.Comparator.comparing(call.allowed()::contains)).toList();
            for (String user : users) {
                if (call.skip().contains(user)) {
                    continue;
                }
                String expected = call.expected(user);
                tests.add(DynamicTest.dynamicTest(call.method() + " " + call.path() + " as " + user + " → " + expected, () -> {
                    ApiClient.Response response = app().api.request(user.equals(ANONYMOUS) ? null : user, call.method(),
                            call.path(), call.body(), call.contentType());
                    if (expected.equals("allowed")) {
                        assertThat(response.status()).as(response.toString()).isNotIn(401, 403).isLessThan(500);
                    } else {
                        assertThat(response.status()).as(response.toString()).isEqualTo(Integer.parseInt(expected));
                    }
                }));
            }
        }
        return tests;
    }

    @Test
    default void applicantsSeeAndChangeOnlyTheirOwnApplications() {
        String other = "other-applicant";
        if (app().identity.createUserQuery().userId(other).count() == 0) {
            var user = app().identity.newUser(other);
            user.setPassword(GrantlineIT.PASSWORD);
            app().identity.saveUser(user);
            app().identity.createMembership(other, "applicant");
        }
        Lifecycle.on("2014-02-10");
        String mine = app().api.post(APPLICANT, "/api/applications", Lifecycle.goodApplicationJson("mine")).json()
                .path("id").asText();
        assertThat(app().api.get(APPLICANT, "/api/applications/" + mine).status()).isEqualTo(200);
        assertThat(app().api.get(other, "/api/applications/" + mine).status()).isEqualTo(404);
        assertThat(app().api.post(other, "/api/applications/" + mine + "/withdrawal", "{\"reason\": \"not mine\"}")
                .status()).isEqualTo(404);
        assertThat(app().api.post(other, "/api/applications/" + mine + "/submissions/LOGIC_MODEL", "{\"title\": \"x\"}")
                .status()).isEqualTo(404);
        assertThat(app().api.get(other, "/api/applications?size=100").body()).doesNotContain(mine);
        assertThat(app().api.get(APPLICANT, "/api/applications/" + mine).json().path("stage").asText())
                .as("nothing changed by the other applicant").isEqualTo("REVIEW");
    }

    @Test
    default void camundaWebappsLetEachRoleIntoItsOwnAppsOnlyAndRefuseFormsWithoutTheCsrfToken() throws Exception {
        Map<String, Set<String>> apps = Map.of(
                APPLICANT, Set.of(),
                CASEWORKER, Set.of("tasklist"),
                AUDITOR, Set.of("cockpit"),
                DESIGNER, Set.of("cockpit"),
                ADMIN, Set.of("tasklist", "cockpit", "admin"));
        for (var entry : apps.entrySet()) {
            for (String webapp : List.of("tasklist", "cockpit", "admin")) {
                int status = new WebappSession(app().api.base()).login(entry.getKey(), webapp, true);
                assertThat(status).as(entry.getKey() + " into " + webapp)
                        .isEqualTo(entry.getValue().contains(webapp) ? 200 : 403);
            }
        }
        assertThat(new WebappSession(app().api.base()).login(CASEWORKER, "tasklist", false))
                .as("a login form sent without the CSRF token").isEqualTo(403);
        // Camunda locks a user out for a while after a wrong password: try it with a user of its own.
        String locked = "locked-out-" + UUID.randomUUID().toString().substring(0, 8);
        var user = app().identity.newUser(locked);
        user.setPassword(GrantlineIT.PASSWORD);
        app().identity.saveUser(user);
        app().identity.createMembership(locked, "caseworker");
        assertThat(new WebappSession(app().api.base()).login(locked, "tasklist", true, "wrong-password"))
                .as("a wrong password").isIn(401, 403);
        assertThat(app().api.request(null, "POST", "/login", "username=" + CASEWORKER + "&password=" + GrantlineIT.PASSWORD,
                "application/x-www-form-urlencoded").status()).as("grantline's own login form without its CSRF token")
                .isEqualTo(403);
    }

    /** HTTP Basic remembers a right password briefly (RecentLogins); a wrong one must still be refused. */
    @Test
    default void aRememberedLoginLetsNoWrongPasswordIn() throws Exception {
        // A user of its own: Camunda delays or locks a user out after a wrong password.
        String caseworker = "remembered-" + UUID.randomUUID().toString().substring(0, 8);
        var user = app().identity.newUser(caseworker);
        user.setPassword(GrantlineIT.PASSWORD);
        app().identity.saveUser(user);
        app().identity.createMembership(caseworker, "caseworker");
        HttpClient http = HttpClient.newHttpClient();
        java.util.function.IntFunction<Integer> asCaseworker = attempt -> {
            String password = attempt == 1 ? "not-" + GrantlineIT.PASSWORD : GrantlineIT.PASSWORD;
            String basic = java.util.Base64.getEncoder().encodeToString((caseworker + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            try {
                return http.send(HttpRequest.newBuilder(URI.create(app().api.base() + "/api/tasks"))
                        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        assertThat(asCaseworker.apply(0)).as("the right password").isEqualTo(200);
        assertThat(asCaseworker.apply(1)).as("a wrong password just after the right one").isEqualTo(401);
        assertThat(asCaseworker.apply(2)).as("the right password again").isEqualTo(200);
    }

    /** A browser session with Camunda's webapps: cookies, and the CSRF token Camunda hands out in one of them. */
    final class WebappSession {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        private final String base;

        WebappSession(String base) {
            this.base = base;
        }

        int login(String user, String webapp, boolean withToken) throws IOException, InterruptedException {
            return login(user, webapp, withToken, GrantlineIT.PASSWORD);
        }

        int login(String user, String webapp, boolean withToken, String password) throws IOException, InterruptedException {
            http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            String form = Arrays.stream(new String[][]{{"username", user}, {"password", password}})
                    .map(p -> p[0] + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder login = HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + webapp))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (withToken) {
                login.header("X-XSRF-TOKEN", token);
            }
            return http.send(login.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
