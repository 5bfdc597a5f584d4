package org.grantline.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.web.ApiException;
import org.grantline.web.FieldProblem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * A plan's CBA is appraised by grantline with the round's unit values (rules/OP-2014/parameters/unit-values.yaml)
 * and its results are what P4, M2 and M4 judge; the outturn is compared outcome by outcome.
 */
class CbaThroughThePlanIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    /**
     * A&E: 200 × 50% × 40% = 40 a year × (1 − 25%) × £117 (health.ae_attendance in 2013/14 prices) = £3,510, less
     * 10% (grade 2) = £3,159 in years 1 and 2. Into work: cohort × 50% × 40% × (1 − 50%) × £9,721, less 20% (grade 3),
     * in year 1. Costs £20,000 in year 0.
     */
    static String plan(int intoWorkCohort) {
        return """
                {"sections": ["ISSUES_AND_RATIONALE", "PROPOSALS", "BUSINESS_CASE", "LOGIC_MODEL", "GOVERNANCE_AND_ACCOUNTABILITY"],
                 "firstYearBudget": 30000,
                 "cba": {"outcomes": [
                    {"name": "Fewer A&E attendances", "cohort": 200, "engagementRate": 0.5, "successRate": 0.4,
                     "deadweight": 0.25, "unitValueRef": "health.ae_attendance", "firstYear": 1, "years": 2, "confidenceGrade": 2},
                    {"name": "Into work", "cohort": %d, "engagementRate": 0.5, "successRate": 0.4,
                     "deadweight": 0.5, "unitValueRef": "employment.jsa_claimant_into_work", "firstYear": 1, "years": 1,
                     "confidenceGrade": 3}],
                   "costs": [{"year": 0, "capital": 0, "revenue": 20000, "inKind": 0}]}}""".formatted(intoWorkCohort);
    }

    @Test
    void theAppraisedRatioIsWhatP4Judges() throws Exception {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("cba-appraised-low"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        // into work: 10 × 50% × 40% × 50% × £9,721 less 20% = £7,776.80; fiscal PV 13,514.95 against 20,000 = 0.6757
        drive.send(id, SubmissionType.FINAL_PLAN, plan(10));

        JsonNode appraisal = storedPlan(id).path("appraisal");
        assertThat(appraisal.path("presentValueFiscal").decimalValue()).isEqualByComparingTo("13514.95");
        assertThat(appraisal.path("fiscalRatio").decimalValue()).isEqualByComparingTo("0.6757");
        assertThat(appraisal.path("outcomes").get(0).path("unitValue").decimalValue()).isEqualByComparingTo("117.00");
        assertThat(appraisal.path("outcomes").get(0).path("source").asText()).contains("A&E attendance");
        assertThat(appraisal.path("steps").toString()).contains("source: New Economy Unit Cost Database (2013/14 prices)");
        assertThat(jdbc.sql("select reason from flag where application_id = ? and code = 'CBA_RATIO_BELOW_ONE'")
                .param(id).query(String.class).single()).contains("ratio is 0.6757, below 1");
        assertThat(drive.outputsOf(id, "final-plan")).contains("\"justificationRequired\":true");
    }

    @Test
    void theOutturnIsComparedOutcomeByOutcome() throws Exception {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("cba-outturn"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        // into work: 40 × 50% × 40% = 8 a year × 50% × £9,721 less 20% = £31,107.20; fiscal PV 36,056.40, ratio 1.8028
        drive.send(id, SubmissionType.FINAL_PLAN, plan(40));
        assertThat(storedPlan(id).path("appraisal").path("fiscalRatio").decimalValue()).isEqualByComparingTo("1.8028");
        Lifecycle.on("2015-03-10");
        drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        Lifecycle.on("2015-04-01");
        drive.send(id, SubmissionType.MATCH_FUNDING_COMMITMENTS, Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "20000"));
        assertThat(drive.decisions(id)).contains("making-it-happen");
        assertThat(drive.tranches(id)).as("M2: the appraised ratio is at least 1").contains("MAKING_IT_HAPPEN 1 10000.00 WITHHELD");
        drive.send(id, SubmissionType.MATCH_FUNDING_PAYMENT, Lifecycle.payment("County Council", "20000", "2015-04-01"));
        Lifecycle.on("2016-03-11");
        drive.fireTimer(id, "Timer_MatchFundingCheck");
        assertThat(drive.instance(id)).isWaitingAt("Event_OutturnReceived");

        assertThatThrownBy(() -> drive.send(id, SubmissionType.OUTTURN,
                "{\"outcomes\": [{\"name\": \"Fewer A&E attendances\", \"achieved\": 40}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).extracting(FieldProblem::message)
                        .singleElement().asString().contains("no figure for [Into work]"));
        assertThatThrownBy(() -> drive.send(id, SubmissionType.OUTTURN, """
                {"outcomes": [{"name": "Fewer A&E attendances", "achieved": 40}, {"name": "Into work", "achieved": 8},
                              {"name": "Happier people", "achieved": 3}]}"""))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("no outcome 'Happier people'"));
        assertThat(drive.instance(id)).as("a refused outturn changes nothing").isWaitingAt("Event_OutturnReceived");

        // A&E: 80 achieved × 75% × £117 = £7,020 against £3,159 (+122.22%, flagged); into work: 7 × 50% × £9,721 =
        // £34,023.50 against £31,107.20 (+9.38%); together £41,043.50 against £34,266.20: +19.78%, within 25%.
        drive.send(id, SubmissionType.OUTTURN, """
                {"outcomes": [{"name": "fewer a&e attendances", "achieved": 80}, {"name": "Into work", "achieved": 7}]}""");
        assertThat(drive.stage(id)).isEqualTo("COMPLETED");
        assertThat(drive.outputsOf(id, "outturn")).contains("\"outcome\":\"FLAGGED\"").contains("\"outturnVariance\":0.1978");
        List<String> flags = jdbc.sql("select code || ' ' || reason from flag where application_id = ? and clause = 'M4'")
                .param(id).query(String.class).list();
        assertThat(flags).singleElement().asString().startsWith("OUTTURN_OUTCOME_VARIANCE Fewer A&E attendances: 80 achieved "
                + "(40 a year forecast), worth £7,020.00: 122.22% above the forecast of £3,159.00, beyond the 25% tolerance");
        String inputs = jdbc.sql("select inputs from decision_record where application_id = ? and decision = 'outturn'")
                .param(id).query(String.class).single();
        assertThat(inputs).as("the comparison is part of the record").contains("\"type\":\"OutturnLine\"")
                .contains("34023.50").contains("31107.20");
    }

    @Test
    void aCbaThatCannotBeAppraisedIsRefusedNamingTheFieldAndChangesNothing() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("cba-refused"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        assertThatThrownBy(() -> drive.send(id, SubmissionType.FINAL_PLAN,
                plan(10).replace("health.ae_attendance", "health.magic_cure")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).extracting(FieldProblem::field)
                        .containsExactly("cba.outcomes[0].unitValueRef"));
        assertThatThrownBy(() -> drive.send(id, SubmissionType.FINAL_PLAN,
                plan(10).replace("\"unitValueRef\": \"health.ae_attendance\",", "\"unitValue\": 100, \"type\": \"FISCAL\", \"agency\": \"NHS\",")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).extracting(FieldProblem::field)
                        .containsExactly("cba.outcomes[0].source"));
        assertThatThrownBy(() -> drive.send(id, SubmissionType.FINAL_PLAN,
                plan(10).replace("\"firstYearBudget\": 30000,", "\"firstYearBudget\": 30000, \"appraisal\": {\"fiscalRatio\": 9},")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fields()).extracting(FieldProblem::field)
                        .containsExactly("appraisal"));
        assertThat(jdbc.sql("select count(*) from submission where application_id = ? and type = 'FINAL_PLAN'")
                .param(id).query(Integer.class).single()).isZero();
        assertThat(drive.stage(id)).isEqualTo("OPERATIONAL_PLAN");
    }

    private JsonNode storedPlan(String id) throws Exception {
        return json.readTree(jdbc.sql("select payload from submission where application_id = ? and type = 'FINAL_PLAN'")
                .param(id).query(String.class).single());
    }
}
