package org.grantline.simulation;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.GrantlineIT;
import org.grantline.funnel.RoundFunnel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented example cohort (docs/simulation/op-2014-cohort.csv) through OP-2014 on the real engine, in a
 * database of its own: the funnel is checked step by step and lead type by lead type against what each row's
 * script leads to, and against the console's dashboard.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:simulation-it;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/it-data-simulation",
        "grantline.demo-users.password=" + GrantlineIT.PASSWORD,
        "grantline.admin.password=" + GrantlineIT.PASSWORD,
})
class RoundSimulationIT {

    @Autowired
    RoundSimulation simulation;
    @LocalServerPort
    int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theExampleCohortGivesTheFunnelItsScriptsLeadTo() throws Exception {
        Cohort cohort = Cohort.parse(Files.readString(Path.of("docs/simulation/op-2014-cohort.csv")));
        assertThat(cohort.problems()).isEmpty();
        List<String> progress = new ArrayList<>();
        RoundSimulation.Result result = simulation.run(cohort, LocalDate.parse("2014-01-20"),
                (settled, total, today) -> progress.add(settled + "/" + total + " " + today));

        assertThat(result.refused()).singleElement().asString().startsWith("line 13:").contains("FLYING_CARS");
        assertThat(result.problems()).isEmpty();
        assertThat(progress).last().asString().startsWith("11/11 ");
        // Row by row (VCS = VCS_BODY, PC = PARISH_OR_TOWN_COUNCIL): Ashford not selected, Bramley not in England,
        // Carlton never applies for Getting Going, Dunmore not approved, Elmwood sends no plan, Fenton's plan is
        // late, Greystone not signed off, Hollins and Ivybridge signed off, Jarrow withdraws in Getting Ready and
        // Kingsley at sign-off.
        String vcs = "VCS_BODY";
        String pc = "PARISH_OR_TOWN_COUNCIL";
        RoundFunnel.Funnel funnel = result.funnel();
        assertThat(funnel.steps()).extracting(s -> s.label() + ": " + s.count() + " (" + s.byLeadType().getOrDefault(vcs, 0L)
                + " + " + s.byLeadType().getOrDefault(pc, 0L) + ")").containsExactly(
                "Applications: 11 (7 + 4)",
                "Accepted with a Getting Ready grant: 9 (5 + 4)",
                "Applied for Getting Going: 7 (4 + 3)",
                "Getting Going approved: 6 (3 + 3)",
                "Operational plan submitted: 5 (2 + 3)",
                "Plan signed off: 2 (1 + 1)",
                "In implementation: 2 (1 + 1)");
        assertThat(funnel.steps().get(1).dropOut()).isEqualByComparingTo("18.2");
        assertThat(result.finalStages()).containsEntry("COMPLETED", 2).containsEntry("WITHDRAWN", 2)
                .containsEntry("NOT_SIGNED_OFF", 1);
        // the money: 9 × £3,000 Getting Ready; 6 × £10,000 Getting Going; 2 × £10,000 Making it Happen
        assertThat(funnel.money().committed()).isEqualByComparingTo("107000");

        String table = FunnelTable.render(funnel);
        assertThat(table).contains("Operational plan submitted").contains("Drop-out").contains("£107,000.00");

        String dashboard = dashboard("demo-designer");
        for (RoundFunnel.Step step : funnel.steps()) {
            assertThat(dashboard).as(step.label()).containsPattern(Pattern.quote(step.label())
                    + "</th>\\s*<td class=\"govuk-table__cell govuk-table__cell--numeric\">" + step.count() + "</td>");
        }
    }

    @Test
    void aCohortThatCannotBeReadSaysWhereOnEveryLine() {
        Cohort bad = Cohort.parse(String.join(",", Cohort.COLUMNS) + "\n"
                + "OP-2014,Lead,VCS_BODY,maybe,yes,,,A,B,yes,,HOUSING,yes,yes,no,yes,yes,yes,soon,yes,\n"
                + "OP-2014,too,few\n");
        assertThat(bad.problems()).containsExactly("line 2: charitable_purpose: 'maybe' is not yes or no",
                "line 3: 3 fields, 21 expected");
        assertThat(Cohort.parse("round,lead_name\n").problems()).singleElement().asString().startsWith("line 1: the columns");
        assertThat(simulation.stages("OP-2014")).contains("GETTING_READY", "SIGN_OFF", "WITHDRAWN", "COMPLETED");
    }

    private String dashboard(String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(http, "/login"));
        assertThat(token.find()).isTrue();
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(GrantlineIT.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        return get(http, "/console/dashboard?round=OP-2014");
    }

    private String get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
