package org.grantline.bench;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;

import java.util.Map;

/**
 * What the bare engine runs in place of grantline: nothing, except that each rule task sets the variables
 * its gateways and timers read, with the values grantline's rules give on the lifecycle path (an eligible
 * application, awarded, plan on time, signed off, match funding found unpaid, CBA required): those of grantline's
 * variables that the diagram names, and the one a task check reads (fix 34), but not the decisions' summaries.
 */
final class NoOpDelegates {

    private static final Map<String, Map<String, Object>> RULE_RESULTS = Map.of(
            "Task_AssessEligibility", Map.of("eligibilityOutcome", "ELIGIBLE", "priorityScore", 10L),
            "Task_AwardGettingReady", Map.of("gettingReadyOutcome", "AWARDED", "gettingGoingDeadline", "2014-05-30"),
            "Task_AssessGettingGoing", Map.of("gettingGoingOutcome", "ELIGIBLE"),
            "Task_AwardGettingGoing", Map.of("gettingGoingAwardOutcome", "AWARDED", "cbaRequired", true,
                    "finalPlanDeadline", "2015-02-27"),
            "Task_AssessFinalPlan", Map.of("finalPlanOutcome", "ON_TIME", "reviewEscalationAfter", "P112D",
                    "justificationRequired", false),
            "Task_DecideSignOff", Map.of("signOffOutcome", "SIGNED_OFF"),
            "Task_DecideMakingItHappen", Map.of("matchFundingCheckDate", "2016-03-10"),
            "Task_CheckMatchFunding", Map.of("matchFundingCheckOutcome", "BREACHED"));

    static final JavaDelegate RULE_TASK = NoOpDelegates::setOutcome;

    /** The same variables, set as a DMN rule task ends (its table decided; {@code BareEngine.Rules.DMN}). */
    static final ExecutionListener RULE_OUTCOME = NoOpDelegates::setOutcome;

    private static void setOutcome(DelegateExecution execution) {
        execution.setVariables(RULE_RESULTS.getOrDefault(execution.getCurrentActivityId(), Map.of()));
    }

    static final Listener LISTENER = new Listener();

    static final class Listener implements ExecutionListener, TaskListener {
        @Override
        public void notify(DelegateExecution execution) {
            // nothing: grantline records the stage here
        }

        @Override
        public void notify(DelegateTask task) {
            // nothing: grantline fills the task brief or checks the form here
        }
    }

    private NoOpDelegates() {
    }
}
