package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Drives the real OP-2015 diagram and rules (added as files only) from application to plan submission,
 * beside OP-2014 in the same running application.
 */
class OurPlace2015ProcessIT extends GrantlineIT {

    static final String PLAN = """
            {"sections": ["ISSUES_AND_RATIONALE", "PROPOSALS", "BUSINESS_CASE", "LOGIC_MODEL", "GOVERNANCE_AND_ACCOUNTABILITY"],
             "firstYearBudget": 40000}""";

    @Autowired
    Lifecycle drive;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    /** An eligible OP-2015 application: incorporated lead, £120,000 turnover, a partner; unique lead and area. */
    static String application(String tag) {
        String unique = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        return """
                {"round": "OP-2015",
                 "lead": {"name": "Lead %1$s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": true,
                          "incorporated": true, "annualTurnover": 120000},
                 "area": {"name": "Area %1$s", "district": "District %1$s", "inEngland": true},
                 "partners": [{"name": "Council %1$s", "type": "LOCAL_AUTHORITY", "trackRecord": true}],
                 "themes": ["SKILLS_AND_EMPLOYMENT", "YOUNG_PEOPLE"],
                 "proposal": {"specificIntervention": true, "needEvidenced": true, "buildsOnPriorActivity": true}}
                """.formatted(unique);
    }

    private String granted(String tag) {
        Lifecycle.on("2015-04-10");
        String id = drive.submit(application(tag));
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewApplication");
        Lifecycle.on("2015-05-20");
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(drive.tranches(id)).containsExactly("OUR_PLACE_GRANT 1 8000.00 PAYABLE");
        return id;
    }

    @Test
    void anAcceptedApplicationRunsToPlanSubmission() {
        String id = granted("happy");
        assertThat(drive.stage(id)).isEqualTo("LOGIC_MODEL");
        assertThat(drive.instance(id)).isWaitingAt("Gateway_AwaitLogicModel");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(drive.instance(id).getId())
                .timers().singleResult().getDuedate())
                .as("logic model due two months after the grant, at the end of the day")
                .isEqualTo(new ProcessDates().endOf("2015-07-20"));

        Lifecycle.on("2015-07-01");
        drive.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
        assertThat(drive.stage(id)).isEqualTo("OPERATIONAL_PLAN");
        assertThat(drive.instance(id)).isWaitingAt("Gateway_AwaitPlan");

        Lifecycle.on("2016-03-31");
        drive.send(id, SubmissionType.FINAL_PLAN, PLAN);
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("PLAN_SUBMITTED");
        assertThat(drive.decisions(id)).containsExactly("eligibility", "grant", "final-plan");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getProcessDefinitionKey()).isEqualTo("OP-2015");
    }

    @Test
    void aLateLogicModelAndALatePlanAreStillTakenButTheLatePlanIsRecordedLate() {
        String id = granted("late");
        drive.fireTimer(id, "Timer_LogicModelDue");
        assertThat(drive.stage(id)).isEqualTo("LOGIC_MODEL_OVERDUE");
        drive.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
        assertThat(drive.stage(id)).isEqualTo("OPERATIONAL_PLAN");
        drive.fireTimer(id, "Timer_PlanDeadline");
        assertThat(drive.stage(id)).isEqualTo("PLAN_OVERDUE");
        Lifecycle.on("2016-04-05");
        drive.send(id, SubmissionType.FINAL_PLAN, PLAN);
        assertThat(drive.stage(id)).isEqualTo("PLAN_LATE");
        assertThat(drive.outputsOf(id, "final-plan")).contains("\"clause\":\"P5\"");
    }

    @Test
    void noLogicModelByThePlanDeadlineEndsTheApplication() {
        String id = granted("no-logic-model");
        drive.fireTimer(id, "Timer_LogicModelDue");
        drive.fireTimer(id, "Boundary_PlanDeadlineWithoutLogicModel");
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("DEADLINE_MISSED");
    }

    @Test
    void anUnincorporatedLeadWithASmallTurnoverIsIneligibleOnBothClauses() {
        Lifecycle.on("2015-04-10");
        String id = drive.submit(application("small").replace("\"incorporated\": true", "\"incorporated\": false")
                .replace("\"annualTurnover\": 120000", "\"annualTurnover\": 49999.99"));
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("INELIGIBLE");
        assertThat(drive.outputsOf(id, "eligibility")).contains("\"clause\":\"E10\"").contains("\"clause\":\"E11\"");
    }

    @Test
    void anApplicationWithoutTheAnswersTheRoundNeedsIsRefusedAndNothingIsCreated() {
        Lifecycle.on("2015-04-10");
        int before = jdbc.sql("select count(*) from application").query(Integer.class).single();
        assertThatThrownBy(() -> drive.submit(application("unanswered").replace(", \"annualTurnover\": 120000", "")))
                .isInstanceOf(ApiException.class).hasMessageContaining("E11").hasMessageContaining("lead.annualTurnover");
        assertThat(jdbc.sql("select count(*) from application").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void aWithdrawnApplicationIsPaidNothingMore() {
        String id = granted("withdraw");
        drive.withdraw(id);
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("WITHDRAWN");
        assertThat(drive.tranches(id)).containsExactly("OUR_PLACE_GRANT 1 8000.00 WITHHELD");
    }
}
