package org.grantline.api;

import org.grantline.GrantlineIT;
import org.grantline.operations.GrantlineMetrics;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Health for orchestrators (open), Prometheus metrics for operations (administrators and auditors only). */
class OperationsApiIT extends GrantlineIT {

    @LocalServerPort
    int port;
    @Autowired
    GrantlineMetrics metrics;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void livenessAndReadinessAreOpen() {
        for (String probe : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = api.get(null, probe);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().path("status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void metricsNeedAnAuditorOrAdministrator() {
        assertThat(api.get(null, "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api.get("demo-applicant", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get("demo-caseworker", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get("demo-auditor", "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(api.get(null, "/actuator/env").status()).isIn(401, 302, 404);
    }

    @Test
    void decisionsTasksTranchesAndReplaysAreCounted() {
        double eligibleBefore = value(scrape(), "grantline_decisions_total\\{decision=\"eligibility\",outcome=\"ELIGIBLE\",round=\"OP-2014\"}");
        double replaysBefore = value(scrape(), "grantline_replays_total\\{status=\"MATCH\"}");

        Lifecycle.on("2014-02-10");
        ApiClient.Response created = api.post("demo-applicant", "/api/applications", Lifecycle.goodApplicationJson("metrics"));
        assertThat(created.status()).isEqualTo(201);
        String decision = created.json().path("decisions").get(0).path("id").asText();
        metrics.refresh();
        double reviewsOpen = value(scrape(), "grantline_tasks_open\\{task=\"Review application\"}");
        assertThat(reviewsOpen).isGreaterThanOrEqualTo(1);
        ApiClient.Response tasks = api.get("demo-caseworker", "/api/tasks?applicationId=" + created.json().path("id").asText()
                + "&key=Task_ReviewApplication");
        assertThat(api.post("demo-caseworker", "/api/tasks/" + tasks.json().get(0).path("id").asText() + "/complete",
                "{\"variables\": {\"approved\": true}}").status()).isEqualTo(204);
        assertThat(api.get("demo-auditor", "/api/decisions/" + decision + "/replay").status()).isEqualTo(200);
        metrics.refresh();

        String text = scrape();
        assertThat(value(text, "grantline_decisions_total\\{decision=\"eligibility\",outcome=\"ELIGIBLE\",round=\"OP-2014\"}"))
                .isEqualTo(eligibleBefore + 1);
        assertThat(value(text, "grantline_replays_total\\{status=\"MATCH\"}")).isEqualTo(replaysBefore + 1);
        assertThat(value(text, "grantline_decisions_total\\{decision=\"getting-ready\",outcome=\"AWARDED\",round=\"OP-2014\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(text, "grantline_tasks_open\\{task=\"Review application\"}")).isEqualTo(reviewsOpen - 1);
        assertThat(value(text, "grantline_tranches\\{status=\"PAYABLE\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(text, "grantline_tranches_amount_gbp\\{status=\"PAYABLE\"}")).isGreaterThanOrEqualTo(3000);
    }

    @Test
    void requestsAreTimedButNotEachSecurityFilter() {
        assertThat(api.get("demo-caseworker", "/api/tasks").status()).isEqualTo(200);

        String text = scrape();
        assertThat(text).containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/api/tasks\"");
        // Spring Security's filter-chain, authentication and authorization observations are off (fix 25).
        assertThat(text).doesNotContainPattern("(?m)^spring_security_");
    }

    private String scrape() {
        ApiClient.Response response = api.get("demo-auditor", "/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    /** The sample's value, 0 when the series does not exist yet. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
