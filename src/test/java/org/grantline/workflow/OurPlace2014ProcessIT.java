package org.grantline.workflow;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions.init;

/** Drives the real OP-2014 diagram, rules and ledger through every path of the round. */
class OurPlace2014ProcessIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    org.grantline.decisions.DecisionQueries decisions;
    @Autowired
    org.grantline.payments.PaymentLedger ledger;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void initAssertions() {
        init(engine);
    }

    // -- paths ---------------------------------------------------------------------------------------------

    @Test
    void acceptedApplicationRunsToImplementationAndOutturn() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("happy"), Lifecycle.GETTING_GOING, false);
        assertThat(drive.tranches(id)).containsExactlyInAnyOrder(
                "GETTING_READY 1 3000.00 PAYABLE", "GETTING_GOING 1 9000.00 PAYABLE", "GETTING_GOING 2 1000.00 WITHHELD");

        Lifecycle.on("2014-10-01");
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
        assertThat(drive.tranches(id)).contains("GETTING_GOING 2 1000.00 PAYABLE");
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewOperationalPlan");
        assertThat(drive.stage(id)).isEqualTo("SIGN_OFF");

        Lifecycle.on("2015-03-10");
        drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        assertThat(drive.instance(id)).isWaitingAt("Event_MatchFundingCommitted");

        Lifecycle.on("2015-04-01");
        drive.send(id, SubmissionType.MATCH_FUNDING_COMMITMENTS, Lifecycle.commitments("County Council", "LOCAL_AUTHORITY", "20000"));
        assertThat(drive.tranches(id)).contains("MAKING_IT_HAPPEN 1 10000.00 WITHHELD");
        assertThat(condition(id, "MATCH_FUNDING_PAID")).isEqualTo("OPEN");

        drive.send(id, SubmissionType.MATCH_FUNDING_PAYMENT, Lifecycle.payment("County Council", "20000", "2015-04-01"));
        Lifecycle.on("2016-03-11");
        drive.fireTimer(id, "Timer_MatchFundingCheck");
        assertThat(condition(id, "MATCH_FUNDING_PAID")).isEqualTo("MET");
        assertThat(drive.tranches(id)).contains("MAKING_IT_HAPPEN 1 10000.00 PAYABLE");
        assertThat(drive.instance(id)).isWaitingAt("Event_OutturnReceived");

        drive.send(id, SubmissionType.OUTTURN, Lifecycle.outturn("1", "1", "1"));
        assertThat(drive.instance(id)).isNull();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).completed().count())
                .isEqualTo(1);
        assertThat(drive.stage(id)).isEqualTo("COMPLETED");
        assertThat(drive.decisions(id)).containsExactly("eligibility", "getting-ready", "getting-going",
                "getting-going-award", "final-plan", "sign-off", "making-it-happen", "match-funding-check", "outturn");
        assertThat(jdbc.sql("select trigger_type from decision_record where application_id = ? and decision = ?")
                .params(id, "match-funding-check").query(String.class).single()).isEqualTo("TIMER");
        assertThat(jdbc.sql("select triggered_by from decision_record where application_id = ? and decision = ?")
                .params(id, "getting-ready").query(String.class).single()).isEqualTo(Lifecycle.CASEWORKER);
    }

    @Test
    void ineligibleApplicationEndsWithEveryFailedClauseRecorded() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("ineligible")
                .replace("\"VCS_BODY\"", "\"PRIVATE_COMPANY\"")
                .replace("\"inEngland\": true", "\"inEngland\": false"));
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.stage(id)).isEqualTo("INELIGIBLE");
        String outputs = jdbc.sql("select outputs from decision_record where application_id = ?").param(id)
                .query(String.class).single();
        assertThat(outputs).contains("\"clause\":\"E1\"").contains("\"clause\":\"E3\"");
        var explanation = decisions.ofApplication(id, false).get(0).explanation();
        assertThat(explanation.summary()).isEqualTo(
                "The eligibility decision was ineligible because 2 clauses were not met: E1, E3.");
        assertThat(explanation.failed()).extracting(f -> f.clause()).containsExactly("E1", "E3");
        assertThat(explanation.failed().get(1).whatWouldHaveToChange()).contains("England");
    }

    @Test
    void notSelectedApplicationEndsWithoutAward() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("not-selected"));
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewApplication");
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", false));
        assertThat(drive.stage(id)).isEqualTo("NOT_SELECTED");
        assertThat(drive.tranches(id)).isEmpty();
        assertThat(drive.decisions(id)).containsExactly("eligibility");
    }

    @Test
    void gettingGoingRefusedWhenTheLogicModelIsMissing() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("gg-refused"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        drive.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY);
        Lifecycle.on("2014-04-15");
        drive.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING);
        assertThat(drive.stage(id)).isEqualTo("GETTING_GOING_REFUSED");
        assertThat(drive.tranches(id)).containsExactly("GETTING_READY 1 3000.00 PAYABLE");
        assertThat(jdbc.sql("select outputs from decision_record where application_id = ? and decision = 'getting-going'")
                .param(id).query(String.class).single()).contains("\"clause\":\"G1\"");
    }

    @Test
    void caseworkerCanRefuseGettingGoing() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("gg-declined"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        drive.send(id, SubmissionType.DEVELOPMENT_STRATEGY, Lifecycle.STRATEGY);
        drive.send(id, SubmissionType.LOGIC_MODEL, Lifecycle.LOGIC_MODEL);
        drive.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING);
        drive.complete(id, "Task_ApproveGettingGoing", Map.of("approved", false));
        assertThat(drive.stage(id)).isEqualTo("GETTING_GOING_REFUSED");
        assertThat(drive.tranches(id)).containsExactly("GETTING_READY 1 3000.00 PAYABLE");
    }

    @Test
    void gettingGoingDeadlineMissedEndsTheApplication() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("deadline"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        assertThat(drive.instance(id)).isWaitingAt("Gateway_AwaitGettingGoing");
        Lifecycle.on("2014-05-31");
        drive.fireTimer(id, "Timer_GettingGoingDeadline");
        assertThat(drive.stage(id)).isEqualTo("DEADLINE_MISSED");
        assertThatThrownBy(() -> drive.send(id, SubmissionType.GETTING_GOING_APPLICATION, Lifecycle.GETTING_GOING))
                .isInstanceOf(ApiException.class).hasMessageContaining("not waiting for GETTING_GOING_APPLICATION");
        assertThat(jdbc.sql("select count(*) from submission where application_id = ? and type = 'GETTING_GOING_APPLICATION'")
                .param(id).query(Integer.class).single()).isZero();
    }

    @Test
    void breakingNewGroundCapReachedOffersGoingFurtherInstead() {
        String request = Lifecycle.gettingGoingWithExtra("BREAKING_NEW_GROUND", "15000", "\"POOLED\"");
        while (bngAwards() < 20) {
            String earlier = drive.throughGettingGoing(Lifecycle.goodApplicationJson("bng"), request, true);
            assertThat(awardTypes(earlier)).contains("BREAKING_NEW_GROUND");
        }
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("bng-21st"), request, true);
        assertThat(awardTypes(id)).contains("GOING_FURTHER").doesNotContain("BREAKING_NEW_GROUND");
        assertThat(jdbc.sql("select amount from award where application_id = ? and type = 'GOING_FURTHER'").param(id)
                .query(BigDecimal.class).single()).isEqualByComparingTo("7500");
        assertThat(bngAwards()).isEqualTo(20);
    }

    @Test
    void cbaRatioBelowOneNeedsAJustificationToSignOff() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("cba-low"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-27");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "9000", "30000"));
        assertThat(flags(id)).contains("CBA_RATIO_BELOW_ONE");

        assertThatThrownBy(() -> drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true)))
                .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("justification");
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewOperationalPlan");

        drive.complete(id, "Task_ReviewOperationalPlan",
                Map.of("approved", true, "justification", "Benefits to health services not yet valued"));
        assertThat(drive.instance(id)).isWaitingAt("Event_MatchFundingCommitted");
        assertThat(drive.decisions(id)).contains("sign-off");
    }

    @Test
    void lateFinalPlanIsNotSignedOffButReleasesTheHeldBackTranche() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("late"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-28");
        drive.fireTimer(id, "Timer_FinalPlanDeadline");
        assertThat(drive.stage(id)).isEqualTo("PLAN_OVERDUE");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
        assertThat(drive.stage(id)).isEqualTo("PLAN_LATE");
        assertThat(drive.tranches(id)).contains("GETTING_GOING 2 1000.00 PAYABLE");
    }

    @Test
    void overdueReviewIsEscalated() {
        String id = signedOffReady("escalate");
        drive.fireTimer(id, "Boundary_ReviewOverdue");
        Task review = drive.task(id, "Task_ReviewOperationalPlan");
        assertThat(review.getPriority()).isEqualTo(100);
        assertThat(tasks.getVariableLocal(review.getId(), "escalated")).isEqualTo(true);
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewOperationalPlan");
    }

    @Test
    void matchFundingNotPaidIsBreachedAndFollowedUp() {
        String id = signedOffReady("breach");
        drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        drive.send(id, SubmissionType.MATCH_FUNDING_COMMITMENTS, Lifecycle.commitments("Police", "POLICE_OR_NOMS", "20000"));
        drive.send(id, SubmissionType.MATCH_FUNDING_PAYMENT, Lifecycle.payment("Police", "5000", "2015-02-20"));
        Lifecycle.on("2016-03-01");
        drive.fireTimer(id, "Timer_MatchFundingCheck");
        assertThat(condition(id, "MATCH_FUNDING_PAID")).isEqualTo("BREACHED");
        assertThat(drive.tranches(id)).contains("MAKING_IT_HAPPEN 1 10000.00 WITHHELD");
        assertThat(drive.instance(id)).isWaitingAt("Task_FollowUpMatchFunding");
        drive.complete(id, "Task_FollowUpMatchFunding", Map.of("followUpNote", "Chased the police commissioner"));
        assertThat(drive.instance(id)).isWaitingAt("Event_OutturnReceived");
    }

    @Test
    void withdrawalBeforeSignOffWithholdsUnpaidTranches() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("withdraw"), Lifecycle.GETTING_GOING, false);
        drive.withdraw(id);
        assertThat(drive.stage(id)).isEqualTo("WITHDRAWN");
        assertThat(drive.instance(id)).isNull();
        assertThat(drive.tranches(id)).containsExactlyInAnyOrder("GETTING_READY 1 3000.00 WITHHELD",
                "GETTING_GOING 1 9000.00 WITHHELD", "GETTING_GOING 2 1000.00 WITHHELD");
    }

    @Test
    void withdrawalAfterSignOffIsRefused() {
        String id = signedOffReady("late-withdraw");
        drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        assertThatThrownBy(() -> drive.withdraw(id)).isInstanceOf(ApiException.class)
                .hasMessageContaining("can no longer be withdrawn");
        assertThat(drive.instance(id)).isWaitingAt("Event_MatchFundingCommitted");
    }

    @Test
    void aTaskCompletionIsRecordedWithWhoAndWhat() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("completion"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true, "reviewNote", "Strong partnership"));
        var row = jdbc.sql("select completed_by, variables from task_completion where application_id = ?").param(id)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(row.get(0)).isEqualTo(Lifecycle.CASEWORKER);
        assertThat(row.get(1)).contains("\"approved\":true").contains("Strong partnership");
    }

    @Test
    void theTaskFormShowsTheCaseBriefAndTheDecisionAsTheyAreNowAndTheProcessStoresNeither() {
        String id = signedOffReady("brief");
        String review = drive.task(id, "Task_ReviewOperationalPlan").getId();
        assertThat(formValues(review))
                .containsEntry("caseApplicant", drive.row(id).leadName() + " (VCS_BODY)")
                .hasEntrySatisfying("finalPlanSummary", summary -> assertThat((String) summary)
                        .startsWith("Final plan: on time.").contains("Clauses applied: "))
                .containsEntry("caseMoney", "GETTING_READY 1: £3000.00 PAYABLE; GETTING_GOING 1: £9000.00 PAYABLE; "
                        + "GETTING_GOING 2: £1000.00 PAYABLE");
        assertThat(engine.getFormService().getTaskFormVariables(review))
                .as("what Tasklist reads").containsEntry("caseArea", drive.row(id).areaName() + ", "
                        + drive.row(id).areaDistrict());

        // a tranche paid while the task is open: the form shows it at once
        String firstTranche = jdbc.sql("select id from tranche where application_id = ? and award_type = ?")
                .params(id, "GETTING_READY").query(String.class).single();
        new TransactionTemplate(transactions).executeWithoutResult(
                status -> ledger.markPaid(firstTranche, "finance", Instant.parse("2015-02-21T10:00:00Z")));
        assertThat(formValues(review)).containsEntry("caseMoney", "GETTING_READY 1: £3000.00 PAID; "
                + "GETTING_GOING 1: £9000.00 PAYABLE; GETTING_GOING 2: £1000.00 PAYABLE");

        // three tasks so far, and not one brief field or decision shown only by a form became a variable or a
        // history row
        List<String> shownByForms = List.of("eligibilitySummary", "priorityScore", "gettingGoingSummary",
                "finalPlanSummary");
        assertThat(engine.getRuntimeService().getVariables(drive.row(id).processInstanceId()).keySet())
                .doesNotContainAnyElementsOf(TaskBrief.FIELDS).doesNotContainAnyElementsOf(shownByForms);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(drive.row(id).processInstanceId())
                .list()).noneMatch(variable -> TaskBrief.FIELDS.contains(variable.getName())
                        || shownByForms.contains(variable.getName()));

        // the completion record keeps the brief and the decision as the form showed them
        Lifecycle.on("2015-03-10");
        drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        assertThat(jdbc.sql("select variables from task_completion where task_id = ?").param(review)
                .query(String.class).single())
                .contains("\"caseMoney\":\"GETTING_READY 1: £3000.00 PAID; GETTING_GOING 1: £9000.00 PAYABLE")
                .contains("\"finalPlanSummary\":\"Final plan: on time.")
                .contains("\"approved\":true");
        assertThat(jdbc.sql("select variables from task_completion where task_key = ? and application_id = ?")
                .params("Task_ReviewApplication", id).query(String.class).single())
                .containsPattern("\"priorityScore\":10[,}]").contains("\"eligibilitySummary\":\"Eligibility: eligible.");
    }

    // -- helpers -------------------------------------------------------------------------------------------

    private String signedOffReady(String tag) {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson(tag), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        Lifecycle.on("2015-02-20");
        drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
        assertThat(drive.instance(id)).isWaitingAt("Task_ReviewOperationalPlan");
        return id;
    }


    private Map<String, Object> formValues(String taskId) {
        Map<String, Object> values = new java.util.HashMap<>();
        engine.getFormService().getTaskFormData(taskId).getFormFields()
                .forEach(field -> values.put(field.getId(), field.getValue() == null ? null : field.getValue().getValue()));
        return values;
    }

    private List<String> awardTypes(String id) {
        return jdbc.sql("select type from award where application_id = ?").param(id).query(String.class).list();
    }


    private List<String> flags(String id) {
        return jdbc.sql("select code from flag where application_id = ?").param(id).query(String.class).list();
    }

    private String condition(String id, String code) {
        return jdbc.sql("select status from application_condition where application_id = ? and code = ?")
                .params(id, code).query(String.class).single();
    }

    private int bngAwards() {
        return jdbc.sql("select count(*) from award where type = 'BREAKING_NEW_GROUND'").query(Integer.class).single();
    }
}
