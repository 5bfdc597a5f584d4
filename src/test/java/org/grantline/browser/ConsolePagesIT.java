package org.grantline.browser;

import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console over plain HTTP with a browser's session (sign-in form, cookies, CSRF token), so that who sees
 * which page is checked on every machine, with or without Chromium; and what the pages say, against the database.
 */
class ConsolePagesIT extends GrantlineIT {

    @LocalServerPort
    int port;
    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;

    /** A browser session: its cookies and the pages it gets. */
    final class Session {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a page's form: its CSRF token is taken from the page the form is on. */
        HttpResponse<String> post(String formPage, String action) throws IOException, InterruptedException {
            Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(formPage).body());
            String csrf = token.find() ? token.group(1) : "";
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf)).build(), HttpResponse.BodyHandlers.ofString());
        }

        Session signIn(String user) throws IOException, InterruptedException {
            Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/login").body());
            assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
            String form = "username=" + user + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                    + "&_csrf=" + token.group(1);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as(user + " signed in").doesNotContain("error");
            return this;
        }
    }

    @Test
    void eachPageIsReachableOnlyByTheRolesThatShouldSeeIt() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("pages"));
        String decision = jdbc.sql("select id from decision_record where application_id = ?").param(id)
                .query(String.class).single();
        Set<String> staff = Set.of("demo-caseworker", "demo-auditor", "demo-designer");
        Set<String> readers = Set.of("demo-auditor", "demo-designer");
        Map<String, Set<String>> pages = Map.of(
                "/console/applications", staff,
                "/console/applications/" + id, staff,
                "/console/dashboard?round=OP-2014", staff,
                "/console/decisions/" + decision, readers,
                "/console/decisions/" + decision + "?replay=own", readers,
                "/console/audit", readers,
                "/console/rules", Set.of("demo-designer"));
        for (String user : List.of("demo-applicant", "demo-caseworker", "demo-auditor", "demo-designer")) {
            Session session = new Session().signIn(user);
            for (var page : pages.entrySet()) {
                assertThat(session.get(page.getKey()).statusCode()).as(user + " " + page.getKey())
                        .isEqualTo(page.getValue().contains(user) ? 200 : 403);
            }
        }
        HttpResponse<String> anonymous = new Session().get("/console/applications");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void pagesSayWhatTheRecordsSay() throws Exception {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("say"));
        Session auditor = new Session().signIn("demo-auditor");

        String page = auditor.get("/console/applications/" + id).body();
        assertThat(page).contains("Now at: <strong>Review application</strong>")
                .contains("class=\"app-diagram__task app-diagram__current\"")
                .contains("Decision eligibility: eligible");

        String decision = jdbc.sql("select id from decision_record where application_id = ?").param(id).query(String.class).single();
        assertThat(auditor.get("/console/decisions/" + decision + "?replay=own").body()).contains("govuk-panel__title\">Match");
        assertThat(auditor.get("/console/decisions/" + decision + "?replay=0000000000").statusCode()).isEqualTo(404);

        long applications = jdbc.sql("select count(*) from application where round_code = 'OP-2014'").query(Long.class).single();
        String dashboard = auditor.get("/console/dashboard?round=OP-2014").body();
        assertThat(dashboard).contains("<th scope=\"row\" class=\"govuk-table__header\">Applications</th>\n"
                + "        <td class=\"govuk-table__cell govuk-table__cell--numeric\">" + applications + "</td>");
        assertThat(auditor.get("/console/dashboard?round=NOPE").statusCode()).isEqualTo(404);
        assertThat(auditor.get("/console/applications?stage=%3Cscript%3E").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/console/audit").body()).contains("The chain is intact");
    }

    @Test
    void aDesignerValidatesWeighsAndDeploysTheServersFoldersFromTheRulesPage() throws Exception {
        Session designer = new Session().signIn("demo-designer");
        assertThat(designer.post("/console/rules", "/console/rules/validation").body())
                .contains("are valid").contains("none failed");
        assertThat(designer.post("/console/rules", "/console/rules/impact").body())
                .contains("The folder is the version in force: nothing would change.");
        assertThat(designer.post("/console/rules", "/console/rules/deployment").body()).contains("Nothing changed");

        Session caseworker = new Session().signIn("demo-caseworker");
        assertThat(caseworker.post("/console/applications", "/console/rules/deployment").statusCode()).isEqualTo(403);
        HttpResponse<String> noToken = designer.http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/console/rules/deployment"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).as("a form posted without its CSRF token").isEqualTo(403);
    }
}
