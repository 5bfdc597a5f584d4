package org.grantline.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.GrantlineIT;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cost-benefit calculator over HTTP, with the round's appraisal parameters in force on the business date. */
class CbaApiIT extends GrantlineIT {

    static final String EXAMPLE = """
            {"outcomes": [
               {"name": "Fewer A&E attendances", "cohort": 200, "engagementRate": 0.5, "successRate": 0.4, "deadweight": 0.25,
                "unitValue": 120, "type": "FISCAL", "agency": "NHS", "firstYear": 1, "years": 2, "confidenceGrade": 2},
               {"name": "Into work", "cohort": 50, "engagementRate": 0.6, "successRate": 0.3, "deadweight": 0.2,
                "unitValue": 4000, "type": "ECONOMIC", "agency": "Local economy", "firstYear": 1, "years": 1, "confidenceGrade": 3}],
             "costs": [{"year": 0, "capital": 10000, "revenue": 5000, "inKind": 1000},
                       {"year": 1, "capital": 0, "revenue": 8000, "inKind": 0}]}""";

    @LocalServerPort
    int port;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        Lifecycle.on("2015-02-20");
    }

    @Test
    void anApplicantWorksOutTheCbaOfThePlanStepByStep() {
        ApiClient.Response response = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014", EXAMPLE);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.path("presentValueCosts").decimalValue()).isEqualByComparingTo("23729.47");
        assertThat(result.path("fiscalRatio").decimalValue()).isEqualByComparingTo("0.26");
        assertThat(result.path("publicValueRatio").decimalValue()).isEqualByComparingTo("1.20");
        assertThat(result.path("netPresentValue").decimalValue()).isEqualByComparingTo("4686.41");
        assertThat(result.path("publicValuePaybackYear").asInt()).isEqualTo(1);
        assertThat(result.path("fiscalPaybackYear").isNull()).isTrue();
        assertThat(result.path("benefitsByAgency").path("NHS").decimalValue()).isEqualByComparingTo("6155.01");
        assertThat(result.path("steps").size()).isGreaterThan(4);
    }

    @Test
    void figuresThatCannotBeAppraisedAreA422NamingEachField() {
        ApiClient.Response response = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014",
                EXAMPLE.replace("\"deadweight\": 0.25", "\"deadweight\": 1.25").replace("\"years\": 1,", "\"years\": 40,"));
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactly("outcomes[0].deadweight", "outcomes[1].years");
        assertThat(api.post("demo-applicant", "/api/cba/calculation?round=OP-2014",
                EXAMPLE.replace("\"FISCAL\"", "\"MAGIC\"")).status()).isEqualTo(400);
        assertThat(api.post("demo-applicant", "/api/cba/calculation?round=NOPE", EXAMPLE).status()).isEqualTo(422);
        ApiClient.Response noTables = api.post("demo-applicant", "/api/cba/calculation?round=OP-2015", EXAMPLE);
        assertThat(noTables.status()).isEqualTo(422);
        assertThat(noTables.body()).contains("no appraisal parameters");
    }
}
