package org.grantline.workflow;

import org.grantline.decisions.Explanation;
import org.grantline.decisions.RecordedOutputs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An application's decision results under the names {@link RuleTask} gives them in a process ({@code
 * <decision>Outcome}, {@code <decision>Summary}, each value), read from its decision records: the latest decision
 * of a name gives its outcome and summary, the latest that produced a value gives that value, as a later decision
 * would have overwritten the variable. {@link LiveFormFields} fills read-only form fields from here.
 */
@Component
class DecisionFields {

    private static final Logger log = LoggerFactory.getLogger(DecisionFields.class);

    private final JdbcClient jdbc;

    DecisionFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The results among these names that the application's decisions gave, by name, as process variables hold them.
     * A record that cannot be read is logged and left out; the others still count.
     */
    Map<String, Object> of(String applicationId, Collection<String> names) {
        Map<String, Object> found = new HashMap<>();
        for (Recorded decision : newestFirst(applicationId)) {
            if (found.keySet().containsAll(names)) {
                break; // older records could only give what newer ones already gave
            }
            try {
                add(decision, names, found);
            } catch (RuntimeException e) {
                log.warn("Decision record {} of application {} cannot be read for a task form: {}", decision.id(),
                        applicationId, e.toString());
            }
        }
        return found;
    }

    private static void add(Recorded decision, Collection<String> names, Map<String, Object> found) {
        String prefix = RuleTask.variablePrefix(decision.decision());
        if (names.contains(prefix + "Outcome")) {
            found.putIfAbsent(prefix + "Outcome", decision.outcome());
        }
        RecordedOutputs.values(decision.outputs()).forEach((name, value) -> {
            if (names.contains(name)) {
                found.putIfAbsent(name, RuleTask.asVariable(value));
            }
        });
        if (names.contains(prefix + "Summary") && !found.containsKey(prefix + "Summary")) {
            found.put(prefix + "Summary", Explanation.summary(RecordedOutputs.read(decision.roundCode(),
                    decision.decision(), decision.rulesetVersion(), decision.decisionDate().toLocalDate(),
                    decision.outputs(), decision.fired())));
        }
    }

    private List<Recorded> newestFirst(String applicationId) {
        return jdbc.sql("""
                        select id, round_code, decision, ruleset_version, decision_date, outcome, outputs, fired
                        from decision_record where application_id = ? order by seq desc""")
                .param(applicationId)
                .query((rs, n) -> new Recorded(rs.getString("id"), rs.getString("round_code"), rs.getString("decision"),
                        rs.getString("ruleset_version"), rs.getDate("decision_date"), rs.getString("outcome"),
                        rs.getString("outputs"), rs.getString("fired")))
                .list();
    }

    private record Recorded(String id, String roundCode, String decision, String rulesetVersion, Date decisionDate,
                            String outcome, String outputs, String fired) {
    }
}
