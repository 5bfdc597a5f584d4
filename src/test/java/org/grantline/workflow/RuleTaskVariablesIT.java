package org.grantline.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule task hands the process those of its decision's outcome, summary and values that the diagram names or a
 * grantline bean reads; everything stays in the decision's record, and the link from the process to the decision
 * is the record's process instance and activity, not a variable. Each variable costs the engine rows in three
 * tables, so the sets are pinned here.
 */
class RuleTaskVariablesIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDecisionReachesTheProcessAsOutcomeSummaryAndValuesAndItsRecordNamesTheStep() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("rule-task-variables"));
        String instance = drive.instance(id).getId();

        Map<String, Object> variables = runtime.getVariables(instance);
        // what the eligibility decision gives; the start gives none, nor does the review task's case brief
        // (its form reads it: TaskBrief)
        assertThat(variables).containsOnlyKeys("eligibilityOutcome", "eligibilitySummary", "priorityScore");
        assertThat(variables).containsEntry("eligibilityOutcome", "ELIGIBLE");
        assertThat((String) variables.get("eligibilitySummary")).startsWith("Eligibility: eligible.");
        assertThat(variables.keySet()).noneMatch(name -> name.endsWith("DecisionId"));

        String decision = jdbc.sql("select id from decision_record where application_id = ? and decision = ?")
                .params(id, "eligibility").query(String.class).single();
        assertThat(jdbc.sql("select id from decision_record where process_instance_id = ? and activity_id = ?")
                .params(instance, "Task_AssessEligibility").query(String.class).list())
                .as("the step finds its decision").containsExactly(decision);
    }

    @Test
    void resultsTheDiagramDoesNotNameStayInTheRecordOnly() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("rule-task-named"), Lifecycle.GETTING_GOING,
                false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));

        Map<String, Object> variables = runtime.getVariables(drive.instance(id).getId());
        assertThat(variables).as("named by a gateway, a timer or a form field")
                .containsKeys("gettingReadyOutcome", "gettingGoingDeadline", "gettingGoingSummary", "cbaRequired",
                        "finalPlanDeadline", "finalPlanSummary", "reviewEscalationAfter");
        assertThat(variables).as("read by the sign-off task's check").containsKey("justificationRequired");
        assertThat(variables).as("named nowhere in the diagram")
                .doesNotContainKeys("gettingReadySummary", "adviceDays", "extraFundingRecommendation", "cbaSupport",
                        "gettingGoingAwardSummary");
        assertThat(drive.outputsOf(id, "getting-ready")).contains("\"adviceDays\"");
        assertThat(drive.outputsOf(id, "getting-going-award")).contains("\"cbaSupport\"");
    }
}
