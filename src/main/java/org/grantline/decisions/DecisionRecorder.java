package org.grantline.decisions;

import org.grantline.database.TimeOrderedIds;
import org.grantline.operations.GrantlineMetrics;
import org.grantline.trail.CanonicalJson;
import org.grantline.rules.DecisionResult;
import org.grantline.trail.AuditTrail;
import org.grantline.trail.DecisionContent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the decision record and its trail entry: inputs (every fact, canonical JSON), outputs, rules fired in order,
 * ruleset version and trigger. It joins the caller's transaction, so a decision is stored exactly
 * when the process step that used it commits.
 */
@Component
class DecisionRecorder {

    private final JdbcClient jdbc;
    private final AuditTrail trail;
    private final GrantlineMetrics metrics;

    DecisionRecorder(JdbcClient jdbc, AuditTrail trail, GrantlineMetrics metrics) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.metrics = metrics;
    }

    String record(String applicationId, DecisionResult result, List<Object> facts, DecisionTrigger trigger,
                  Instant at) {
        String id = TimeOrderedIds.next();
        String inputs = CanonicalJson.write(typed(facts));
        String outputs = CanonicalJson.write(RecordedOutputs.of(result));
        String fired = CanonicalJson.write(result.fired());
        jdbc.sql("""
                insert into decision_record (id, application_id, round_code, decision, outcome, ruleset_version,
                    decision_date, inputs, outputs, fired, process_instance_id, activity_id, trigger_type,
                    triggered_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, applicationId, result.roundCode(), result.decision(), result.outcome(),
                        result.rulesetVersion(), result.decisionDate(), inputs, outputs, fired,
                        trigger.processInstanceId(), trigger.activityId(), trigger.type(), trigger.triggeredBy(),
                        Timestamp.from(at))
                .update();
        trail.append(AuditTrail.DECISION, id, applicationId, trigger.triggeredBy(), at, DecisionContent.of(id,
                applicationId, result.roundCode(), result.decision(), result.outcome(), result.rulesetVersion(),
                result.decisionDate(), inputs, outputs, fired, trigger.processInstanceId(), trigger.activityId(),
                trigger.type(), trigger.triggeredBy(), at));
        metrics.decided(result.roundCode(), result.decision(), result.outcome());
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
}
