package org.grantline.designer;

import java.util.List;

/**
 * Everything a designer needs to know before deploying: every problem in the rules, parameters and diagrams,
 * and how many rule scenarios ran and failed. Valid only when there is no problem at all.
 */
public record ValidationReport(List<Finding> problems, int scenariosRun, int scenariosFailed) {

    /** Where (RULES, PARAMETERS, BPMN, SCENARIO, ROUND), which file/element, and what is wrong. */
    public record Finding(String area, String where, String message) {
        @Override
        public String toString() {
            return area + " " + where + ": " + message;
        }
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        problems.forEach(p -> text.append(p).append('\n'));
        text.append(valid() ? "VALID" : "INVALID: " + problems.size() + " problem(s)")
                .append(" - ").append(scenariosRun).append(" scenario(s) run, ").append(scenariosFailed)
                .append(" failed\n");
        return text.toString();
    }
}
