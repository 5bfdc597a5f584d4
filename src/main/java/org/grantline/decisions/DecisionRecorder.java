package org.grantline.decisions;

import org.grantline.rules.DecisionResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the decision record: inputs (every fact, canonical JSON), outputs, rules fired in order,
 * ruleset version and trigger. It joins the caller's transaction, so a decision is stored exactly
 * when the process step that used it commits.
 */
@Component
class DecisionRecorder {

    private final JdbcClient jdbc;

    DecisionRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String record(String applicationId, DecisionResult result, List<Object> facts, DecisionTrigger trigger,
                  Instant at) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into decision_record (id, application_id, round_code, decision, outcome, ruleset_version,
                    decision_date, inputs, outputs, fired, process_instance_id, activity_id, trigger_type,
                    triggered_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, applicationId, result.roundCode(), result.decision(), result.outcome(),
                        result.rulesetVersion(), result.decisionDate(), CanonicalJson.write(typed(facts)),
                        CanonicalJson.write(outputs(result)), CanonicalJson.write(result.fired()),
                        trigger.processInstanceId(), trigger.activityId(), trigger.type(), trigger.triggeredBy(),
                        Timestamp.from(at))
                .update();
        return id;
    }

    /** Facts with their type name, so that replay can rebuild them exactly. */
    static List<Map<String, Object>> typed(List<Object> facts) {
        return facts.stream().map(fact -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", fact.getClass().getSimpleName());
            entry.put("fact", fact);
            return entry;
        }).toList();
    }

    static Map<String, Object> outputs(DecisionResult result) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("outcome", result.outcome());
        outputs.put("failures", result.failures());
        outputs.put("values", result.values());
        outputs.put("scores", result.scores());
        outputs.put("awards", result.awards());
        outputs.put("tranches", result.tranches());
        outputs.put("releases", result.releases());
        outputs.put("conditions", result.conditions());
        outputs.put("flags", result.flags());
        return outputs;
    }
}
