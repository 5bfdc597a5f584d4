package org.grantline.trail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** What the trail keeps of a decision record: every column, so that any edit is seen. */
public final class DecisionContent {

    /**
     * The content of a new record's trail entry. The record's JSON columns go in as written, so they must be
     * {@link CanonicalJson#write} output: parsing them and writing them again gave the same text for the values
     * records hold (decimals, dates, text) at twice the cost (docs/benchmarks.md, fix 36).
     */
    public static Map<String, Object> of(String id, String applicationId, String round, String decision,
                                         String outcome, String rulesetVersion, Object decisionDate, String inputs,
                                         String outputs, String fired, String processInstanceId, String activityId,
                                         String triggerType, String triggeredBy, Instant recordedAt) {
        return content(id, applicationId, round, decision, outcome, rulesetVersion, decisionDate, inputs, outputs,
                fired, processInstanceId, activityId, triggerType, triggeredBy, recordedAt, RawValue::new);
    }

    /** The content a stored record's trail entry must have, for comparing with the entry (parsed). */
    static JsonNode of(Map<String, Object> row) {
        Map<String, Object> content = content((String) row.get("id"), (String) row.get("application_id"),
                (String) row.get("round_code"), (String) row.get("decision"), (String) row.get("outcome"),
                (String) row.get("ruleset_version"), row.get("decision_date"), (String) row.get("inputs"),
                (String) row.get("outputs"), (String) row.get("fired"), (String) row.get("process_instance_id"),
                (String) row.get("activity_id"), (String) row.get("trigger_type"), (String) row.get("triggered_by"),
                ((Timestamp) row.get("recorded_at")).toInstant(), DecisionContent::tree);
        return CanonicalJson.MAPPER.valueToTree(content);
    }

    private static Map<String, Object> content(String id, String applicationId, String round, String decision,
                                               String outcome, String rulesetVersion, Object decisionDate,
                                               String inputs, String outputs, String fired,
                                               String processInstanceId, String activityId, String triggerType,
                                               String triggeredBy, Instant recordedAt, Function<String, ?> json) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("id", id);
        content.put("applicationId", applicationId);
        content.put("round", round);
        content.put("decision", decision);
        content.put("outcome", outcome);
        content.put("rulesetVersion", rulesetVersion);
        content.put("decisionDate", String.valueOf(decisionDate));
        content.put("inputs", json.apply(inputs));
        content.put("outputs", json.apply(outputs));
        content.put("fired", json.apply(fired));
        content.put("processInstanceId", processInstanceId);
        content.put("activityId", activityId);
        content.put("triggerType", triggerType);
        content.put("triggeredBy", triggeredBy);
        content.put("recordedAt", recordedAt.toString());
        return content;
    }

    private static JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DecisionContent() {
    }
}
