package org.grantline.workflow;

import org.grantline.decisions.Explanation;
import org.grantline.decisions.RecordedOutputs;
import org.grantline.rules.DecisionResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's decision results under the names {@link RuleTask} gives them in a process ({@code
 * <decision>Outcome}, {@code <decision>Summary}, each value), read from its decision records: the latest decision
 * of each name wins, as a later one would overwrite the variable. Read-only form fields of these names are filled
 * from here as the form is read ({@link LiveFormFields}), so the process need not store what only a form shows.
 */
@Component
class DecisionFields {

    private final JdbcClient jdbc;

    DecisionFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The results among these names that the application's decisions gave, by name, as process variables hold them. */
    Map<String, Object> of(String applicationId, Collection<String> names) {
        Map<String, Object> found = new HashMap<>();
        for (Recorded decision : recorded(applicationId)) {
            String prefix = RuleTask.variablePrefix(decision.decision());
            if (names.contains(prefix + "Outcome")) {
                found.put(prefix + "Outcome", decision.outcome());
            }
            DecisionResult result = decision.result();
            result.values().forEach((name, value) -> {
                if (names.contains(name)) {
                    found.put(name, RuleTask.asVariable(value));
                }
            });
            if (names.contains(prefix + "Summary")) {
                found.put(prefix + "Summary", Explanation.summary(result));
            }
        }
        return found;
    }

    private List<Recorded> recorded(String applicationId) {
        return jdbc.sql("""
                        select round_code, decision, ruleset_version, decision_date, outcome, outputs, fired
                        from decision_record where application_id = ? order by seq""")
                .param(applicationId)
                .query((rs, n) -> new Recorded(rs.getString("decision"), rs.getString("outcome"),
                        RecordedOutputs.read(rs.getString("round_code"), rs.getString("decision"),
                                rs.getString("ruleset_version"), rs.getDate("decision_date").toLocalDate(),
                                rs.getString("outputs"), rs.getString("fired"))))
                .list();
    }

    private record Recorded(String decision, String outcome, DecisionResult result) {
    }
}
