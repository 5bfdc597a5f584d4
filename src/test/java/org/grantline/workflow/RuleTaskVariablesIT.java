package org.grantline.workflow;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RuntimeService;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule task hands the process those of its decision's outcome, summary and values that the diagram names (but
 * for read-only form fields, filled as the form is read) or a grantline bean reads; everything stays in the
 * decision's record, and the link from the process to the decision is the record's process instance and activity,
 * not a variable. Each variable costs the engine rows in three tables, so the sets are pinned here.
 */
class RuleTaskVariablesIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FormService forms;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDecisionReachesTheProcessAsOutcomeSummaryAndValuesAndItsRecordNamesTheStep() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("rule-task-variables"));
        String instance = drive.instance(id).getId();

        Map<String, Object> variables = runtime.getVariables(instance);
        // what the eligibility decision gives its gateway; the start gives none, nor does the review task's form,
        // whose read-only fields (the case brief, the summary, the score) are filled as it is read (LiveForms)
        assertThat(variables).containsOnlyKeys("eligibilityOutcome");
        assertThat(variables).containsEntry("eligibilityOutcome", "ELIGIBLE");
        Map<String, Object> form = forms.getTaskFormVariables(drive.task(id, "Task_ReviewApplication").getId());
        assertThat((String) form.get("eligibilitySummary")).startsWith("Eligibility: eligible.");
        assertThat(form.get("priorityScore")).isEqualTo(10L);

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
        assertThat(variables).as("named by a gateway or a timer")
                .containsKeys("gettingReadyOutcome", "gettingGoingDeadline", "cbaRequired", "finalPlanDeadline",
                        "reviewEscalationAfter");
        assertThat(variables).as("read by the sign-off task's check").containsKey("justificationRequired");
        assertThat(variables).as("named nowhere in the diagram")
                .doesNotContainKeys("gettingReadySummary", "adviceDays", "extraFundingRecommendation", "cbaSupport",
                        "gettingGoingAwardSummary");
        assertThat(variables).as("shown only by read-only form fields, which are filled as the form is read")
                .doesNotContainKeys("eligibilitySummary", "priorityScore", "gettingGoingSummary", "finalPlanSummary");
        assertThat((String) forms.getTaskFormVariables(drive.task(id, "Task_ReviewOperationalPlan").getId())
                .get("finalPlanSummary")).startsWith("Final plan: ");
        assertThat(drive.outputsOf(id, "getting-ready")).contains("\"adviceDays\"");
        assertThat(drive.outputsOf(id, "getting-going-award")).contains("\"cbaSupport\"");
    }
}
