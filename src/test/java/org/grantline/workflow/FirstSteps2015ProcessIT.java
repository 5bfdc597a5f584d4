package org.grantline.workflow;

import org.camunda.bpm.engine.ProcessEngine;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Drives the real FS-2015 diagram and rules (added as files only) from application to community action plan,
 * and E8 across rounds: no First Steps grant where Our Place already funds similar activity.
 */
class FirstSteps2015ProcessIT extends GrantlineIT {

    static final String ACTION_PLAN = """
            {"sections": ["ISSUES_AND_RATIONALE", "PROPOSALS", "GOVERNANCE_AND_ACCOUNTABILITY"], "firstYearBudget": 3000}""";

    @Autowired
    Lifecycle drive;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    /** A small community group's application for an area, with no partners (First Steps needs none). */
    static String application(String group, String area, String district, String themes) {
        return """
                {"round": "FS-2015",
                 "lead": {"name": "%s", "type": "VCS_BODY", "charitablePurpose": true, "priorServiceDelivery": false,
                          "incorporated": false, "annualTurnover": 8000},
                 "area": {"name": "%s", "district": "%s", "inEngland": true},
                 "partners": [],
                 "themes": [%s],
                 "proposal": {"specificIntervention": false, "needEvidenced": true, "buildsOnPriorActivity": false}}
                """.formatted(group, area, district, themes);
    }

    static String application(String tag) {
        String unique = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        return application("Group " + unique, "Area " + unique, "District " + unique, "\"ENVIRONMENT\", \"YOUNG_PEOPLE\"");
    }

    private String granted(String json) {
        Lifecycle.on("2015-05-01");
        String id = drive.submit(json);
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewApplication");
        // the form shows the caseworker who is asking, where, with whom (none here) and what is held
        var review = drive.task(id, "Task_ReviewApplication");
        assertThat(engine.getFormService().getTaskFormVariables(review.getId()))
                .containsEntry("caseApplicant", drive.row(id).leadName() + " (VCS_BODY, turnover £8000)")
                .containsEntry("casePartners", "none named")
                .containsEntry("caseMoney", "nothing awarded yet");
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(drive.tranches(id)).containsExactly("FIRST_STEPS_GRANT 1 2500.00 PAYABLE");
        return id;
    }

    @Test
    void anAcceptedGroupRunsToItsCommunityActionPlan() {
        String id = granted(application("happy"));
        assertThat(drive.stage(id)).isEqualTo("ACTION_PLAN");
        assertThat(drive.instance(id)).isWaitingAt("Gateway_AwaitPlan");
        Lifecycle.on("2016-02-01");
        drive.send(id, SubmissionType.FINAL_PLAN, ACTION_PLAN);
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("PLAN_SUBMITTED");
        assertThat(drive.decisions(id)).containsExactly("eligibility", "grant", "final-plan");
    }

    @Test
    void anIncompleteActionPlanIsRefusedAndTheProcessKeepsWaiting() {
        String id = granted(application("incomplete"));
        Lifecycle.on("2016-02-01");
        assertThatThrownBy(() -> drive.send(id, SubmissionType.FINAL_PLAN,
                "{\"sections\": [\"ISSUES_AND_RATIONALE\", \"PROPOSALS\"], \"firstYearBudget\": 3000}"))
                .isInstanceOf(ApiException.class).hasMessageContaining("P1").hasMessageContaining("GOVERNANCE_AND_ACCOUNTABILITY");
        assertThat(drive.instance(id)).isWaitingAt("Gateway_AwaitPlan");
        assertThat(drive.stage(id)).isEqualTo("ACTION_PLAN");
    }

    @Test
    void aPlanAfterTheDeadlineIsRecordedLate() {
        String id = granted(application("late"));
        drive.fireTimer(id, "Timer_PlanDeadline");
        assertThat(drive.stage(id)).isEqualTo("PLAN_OVERDUE");
        Lifecycle.on("2016-04-02");
        drive.send(id, SubmissionType.FINAL_PLAN, ACTION_PLAN);
        assertThat(drive.stage(id)).isEqualTo("PLAN_LATE");
    }

    @Test
    void noFirstStepsGrantWhereOurPlaceAlreadyFundsAnOverlappingTheme() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String area = "Millbrook " + unique;
        String district = "Stockport " + unique;
        // Our Place 2014/15 admits the area for health and older people (Getting Ready award held).
        Lifecycle.on("2014-02-10");
        String ourPlace = drive.submit(Lifecycle.goodApplicationJson("our-place")
                .replaceFirst("\"name\": \"Area [^\"]+\"", "\"name\": \"" + area + "\"")
                .replaceFirst("\"district\": \"District [^\"]+\"", "\"district\": \"" + district + "\""));
        drive.complete(ourPlace, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(drive.tranches(ourPlace)).contains("GETTING_READY 1 3000.00 PAYABLE");

        // A First Steps group for the same place (spelt in other case) and an overlapping theme is refused by E8.
        Lifecycle.on("2015-05-01");
        String refused = drive.submit(application("Friends of Millbrook " + unique, area.toUpperCase(), district,
                "\"OLDER_PEOPLE\", \"ENVIRONMENT\""));
        assertThat(drive.stage(refused)).isEqualTo("INELIGIBLE");
        assertThat(drive.outputsOf(refused, "eligibility")).contains("\"clause\":\"E8\"")
                .contains("GETTING_READY (OP-2014)");
        assertThat(drive.tranches(refused)).isEmpty();

        // Other themes in the same place are not double funding.
        String other = granted(application("Millbrook Gardeners " + unique, area, district, "\"ENVIRONMENT\""));
        assertThat(drive.stage(other)).isEqualTo("ACTION_PLAN");

        // Once Our Place is withdrawn, its award is no longer live: the overlapping themes are fundable.
        drive.withdraw(ourPlace);
        String afterWithdrawal = drive.submit(application("Millbrook Elders " + unique, area, district,
                "\"OLDER_PEOPLE\""));
        assertThat(drive.outputsOf(afterWithdrawal, "eligibility")).doesNotContain("\"clause\":\"E8\"");
        assertThat(drive.stage(afterWithdrawal)).isNotEqualTo("INELIGIBLE");
    }
}
