package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk import of applications from CSV: good rows accepted, each bad row reported by line with its reasons. */
class ImportApiIT extends GrantlineIT {

    static final String HEADER = "round,lead_name,lead_type,charitable_purpose,prior_service_delivery,incorporated,"
            + "annual_turnover,area_name,area_district,in_england,partners,themes,specific_intervention,need_evidenced,"
            + "builds_on_prior_activity\n";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    static String row(String tag, String leadType, String partners, String themes, String inEngland) {
        return String.join(",", "OP-2014", "\"Lead " + tag + ", Trust\"", leadType, "yes", "yes", "", "", "Area " + tag,
                "District " + tag, inEngland, partners, themes, "yes", "yes", "no") + "\n";
    }

    @Test
    void goodRowsAreAcceptedAndEachBadRowIsReportedByLineWithNothingLeftBehind() {
        Lifecycle.on("2014-02-10");
        String t = UUID.randomUUID().toString().substring(0, 8);
        String partner = "\"Council " + t + "|LOCAL_AUTHORITY|yes\"";
        String csv = HEADER
                + row("a-" + t, "VCS_BODY", partner, "HEALTH_AND_WELLBEING;OLDER_PEOPLE", "yes")       // line 2: good
                + row("b-" + t, "SPACESHIP", partner, "HOUSING", "yes")                                 // line 3: unknown type
                + row("c-" + t, "VCS_BODY", partner, "HOUSING;EDUCATION;ENVIRONMENT;YOUNG_PEOPLE", "yes") // line 4: E6
                + row("d-" + t, "VCS_BODY", partner, "HOUSING", "maybe")                                // line 5: not yes/no
                + row("a-" + t, "VCS_BODY", partner, "HOUSING", "yes")                                  // line 6: E9 duplicate
                + row("e-" + t, "LOCAL_AUTHORITY", "", "ENVIRONMENT", "no");                             // line 7: good (ineligible later)
        long before = jdbc.sql("select count(*) from application").query(Long.class).single();

        ApiClient.Response response = new ApiClient(port).post("demo-caseworker", "/api/applications/import", csv, "text/csv");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.path("rows").asInt()).isEqualTo(6);
        List<Integer> accepted = new ArrayList<>();
        result.path("accepted").forEach(a -> accepted.add(a.path("line").asInt()));
        assertThat(accepted).containsExactly(2, 7);
        List<String> rejected = new ArrayList<>();
        result.path("rejected").forEach(r -> rejected.add(r.path("line").asInt() + " " + r.path("errors").get(0).path("field").asText()));
        assertThat(rejected).containsExactly("3 lead.type", "4 E6", "5 in_england", "6 E9");
        assertThat(jdbc.sql("select count(*) from application").query(Long.class).single())
                .as("only the accepted rows became applications").isEqualTo(before + 2);
        String imported = result.path("accepted").get(0).path("applicationId").asText();
        assertThat(jdbc.sql("select lead_name from application where id = ?").param(imported).query(String.class).single())
                .isEqualTo("Lead a-" + t + ", Trust");
    }

    @Test
    void aFileWithoutTheHeaderIsRefusedAndOnlyCaseworkersImport() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post("demo-caseworker", "/api/applications/import", "a,b\n1,2\n", "text/csv").status()).isEqualTo(422);
        assertThat(api.post("demo-applicant", "/api/applications/import", HEADER, "text/csv").status()).isEqualTo(403);
        assertThat(api.post("demo-caseworker", "/api/applications/import", "{}", "application/json").status()).isEqualTo(415);
    }
}
