package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.grantline.decisions.ApplicationDecisions;
import org.grantline.decisions.DecisionTrigger;
import org.grantline.decisions.Explanation;
import org.grantline.decisions.RecordedDecision;
import org.grantline.rules.DecisionResult;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The business rule tasks' delegate: {@code ${ruleTask.decide(execution, 'eligibility')}}. Takes and records
 * the decision, then hands the results to the process as variables: {@code <decision>Outcome},
 * {@code <decision>Summary} and every value the rules produced. Gateways branch on these; no threshold is
 * written in a diagram. The decision's id is not a variable: its record names the process instance and the
 * activity that took it, and each variable costs the engine rows in three tables (docs/benchmarks.md, fix 30).
 */
@Component("ruleTask")
public class RuleTask {

    private final ApplicationDecisions decisions;

    RuleTask(ApplicationDecisions decisions) {
        this.decisions = decisions;
    }

    public void decide(DelegateExecution execution, String decision) {
        String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        DecisionTrigger trigger = DecisionTrigger.of(user, execution.getProcessInstanceId(),
                execution.getCurrentActivityId());
        RecordedDecision recorded = decisions.decide(execution.getProcessBusinessKey(), decision, trigger);
        DecisionResult result = recorded.result();
        String prefix = variablePrefix(decision);
        execution.setVariable(prefix + "Outcome", result.outcome());
        execution.setVariable(prefix + "Summary", Explanation.summary(result));
        result.values().forEach((name, value) -> execution.setVariable(name, asVariable(value)));
    }

    /** getting-going-award becomes gettingGoingAward. */
    static String variablePrefix(String decision) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : decision.toCharArray()) {
            if (c == '-' || c == '_' || c == ' ') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * Camunda has no date-only or decimal variable type: dates become ISO strings, decimals plain strings;
     * whole numbers become longs, the type of Camunda's numeric form fields.
     */
    static Object asVariable(Object value) {
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value;
    }
}
