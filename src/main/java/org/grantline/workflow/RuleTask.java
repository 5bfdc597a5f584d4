package org.grantline.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.grantline.decisions.ApplicationDecisions;
import org.grantline.decisions.DecisionTrigger;
import org.grantline.decisions.Explanation;
import org.grantline.rules.DecisionResult;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The business rule tasks' delegate: {@code ${ruleTask.decide(execution, 'eligibility')}}. Takes and records
 * the decision, then hands the process, as variables, those of its results that something in the process reads:
 * {@code <decision>Outcome}, {@code <decision>Summary} and each value the rules produced, where the diagram names
 * it (a gateway's condition, a timer, a form field that is not read-only, an expression) or a bean the diagram calls
 * reads it; a diagram with a part that reads variables it does not name (its own forms, a script file…: {@link
 * DiagramNames}) gets them all. A read-only form field is filled from the decision records as the form is read
 * ({@link LiveForms}). Gateways branch on these; no threshold is written in a diagram. Everything else stays in the
 * decision's record, which names the process instance and the activity that took it: each variable costs the
 * engine rows in three tables (about 0.6 ms of an application's lifecycle, docs/benchmarks.md, fixes 30 and 34).
 */
@Component("ruleTask")
public class RuleTask {

    /** Results that grantline's own beans read from the process, whether or not a diagram names them. */
    private static final Set<String> READ_BY_BEANS = Set.of(TaskChecks.JUSTIFICATION_REQUIRED);

    private final ApplicationDecisions decisions;
    private final DiagramNames diagrams;

    RuleTask(ApplicationDecisions decisions, DiagramNames diagrams) {
        this.decisions = decisions;
        this.diagrams = diagrams;
    }

    public void decide(DelegateExecution execution, String decision) {
        String user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        DecisionTrigger trigger = DecisionTrigger.of(user, execution.getProcessInstanceId(),
                execution.getCurrentActivityId());
        DecisionResult result = decisions.decide(execution.getProcessBusinessKey(), decision, trigger);
        String prefix = variablePrefix(decision);
        handOver(execution, prefix + "Outcome", result::outcome);
        handOver(execution, prefix + "Summary", () -> Explanation.summary(result));
        result.values().forEach((name, value) -> handOver(execution, name, () -> asVariable(value)));
    }

    private void handOver(DelegateExecution execution, String name, Supplier<Object> value) {
        if (READ_BY_BEANS.contains(name) || diagrams.names(execution, name)) {
            execution.setVariable(name, value.get());
        }
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
    public static Object asVariable(Object value) {
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
