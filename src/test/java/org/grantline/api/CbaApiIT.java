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
                "unitValue": 120, "type": "FISCAL", "agency": "NHS", "source": "local evaluation", "firstYear": 1, "years": 2, "confidenceGrade": 2},
               {"name": "Into work", "cohort": 50, "engagementRate": 0.6, "successRate": 0.3, "deadweight": 0.2,
                "unitValue": 4000, "type": "ECONOMIC", "agency": "Local economy", "source": "local evaluation", "firstYear": 1, "years": 1, "confidenceGrade": 3}],
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
        assertThat(result.path("fiscalRatio").decimalValue()).isEqualByComparingTo("0.2594");
        assertThat(result.path("publicValueRatio").decimalValue()).isEqualByComparingTo("1.1975");
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

    @Test
    void theRoundsUnitValuesAreListedEachWithItsSourceAndDated() {
        JsonNode values = api.get("demo-applicant", "/api/cba/unit-values?round=OP-2014").json();
        JsonNode ae = unitValue(values, "health.ae_attendance");
        assertThat(ae.path("amount").decimalValue()).isEqualByComparingTo("117.00");
        assertThat(ae.path("type").asText()).isEqualTo("fiscal");
        assertThat(ae.path("agency").asText()).isEqualTo("NHS");
        assertThat(ae.path("source").asText()).contains("2013/14 prices");
        values.forEach(v -> assertThat(v.path("source").asText()).as(v.toString()).isNotBlank());
        Lifecycle.on("2015-04-02");
        JsonNode later = unitValue(api.get("demo-applicant", "/api/cba/unit-values?round=OP-2014").json(), "health.ae_attendance");
        assertThat(later.path("amount").decimalValue()).isEqualByComparingTo("124.00");
        assertThat(later.path("source").asText()).contains("2014/15 prices");
        assertThat(api.get("demo-applicant", "/api/cba/unit-values?round=NOPE").status()).isEqualTo(422);
    }

    @Test
    void anOutcomeNamedByItsCodeIsValuedFromTheRoundsFile() {
        String byCode = EXAMPLE.replace("\"unitValue\": 120, \"type\": \"FISCAL\", \"agency\": \"NHS\", \"source\": \"local evaluation\",",
                "\"unitValueRef\": \"health.ae_attendance\",");
        ApiClient.Response response = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014", byCode);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode outcome = response.json().path("outcomes").get(0);
        // 200 × 50% × 40% × 75% × £117 = £3,510 less 10% = £3,159 in years 1 and 2: 3,159/1.035 + 3,159/1.035² = 6,001.13
        assertThat(outcome.path("unitValue").decimalValue()).isEqualByComparingTo("117.00");
        assertThat(outcome.path("benefitPerYear").decimalValue()).isEqualByComparingTo("3159.00");
        assertThat(response.json().path("presentValueFiscal").decimalValue()).isEqualByComparingTo("6001.13");
        assertThat(response.json().path("steps").toString()).contains("source: New Economy Unit Cost Database (2013/14 prices)");

        ApiClient.Response unknown = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014",
                byCode.replace("health.ae_attendance", "health.magic"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("outcomes[0].unitValueRef");
        ApiClient.Response both = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014",
                EXAMPLE.replace("\"unitValue\": 120,", "\"unitValueRef\": \"health.ae_attendance\", \"unitValue\": 120,"));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("not both");
        ApiClient.Response markup = api.post("demo-applicant", "/api/cba/calculation?round=OP-2014",
                EXAMPLE.replace("Into work", "<script>x</script>"));
        assertThat(markup.status()).isEqualTo(422);
        assertThat(markup.json().path("errors").get(0).path("field").asText()).isEqualTo("outcomes[1].name");
    }

    private static JsonNode unitValue(JsonNode values, String code) {
        for (JsonNode value : values) {
            if (value.path("code").asText().equals(code)) {
                return value;
            }
        }
        throw new AssertionError("no unit value " + code + " in " + values);
    }
}
