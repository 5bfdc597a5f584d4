package org.grantline.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.grantline.GrantlineIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule task hands the process its decision's outcome, summary and values; the link from the process to the
 * decision is the decision record's process instance and activity, not a variable. Each variable costs the
 * engine rows in three tables, so the set a submission leaves is pinned here.
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
        // what the eligibility decision and the review task's brief give; the start itself gives none
        assertThat(variables).containsOnlyKeys("eligibilityOutcome", "eligibilitySummary", "priorityScore",
                "caseApplicant", "caseArea", "caseMoney", "casePartners", "caseThemes");
        assertThat(variables).containsEntry("eligibilityOutcome", "ELIGIBLE");
        assertThat((String) variables.get("eligibilitySummary")).startsWith("Eligibility: eligible.");
        assertThat(variables.keySet()).noneMatch(name -> name.endsWith("DecisionId"));

        String decision = jdbc.sql("select id from decision_record where application_id = ? and decision = ?")
                .params(id, "eligibility").query(String.class).single();
        assertThat(jdbc.sql("select id from decision_record where process_instance_id = ? and activity_id = ?")
                .params(instance, "Task_AssessEligibility").query(String.class).list())
                .as("the step finds its decision").containsExactly(decision);
    }
}
