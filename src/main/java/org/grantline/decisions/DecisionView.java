package org.grantline.decisions;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A recorded decision as people read it: outcome, the clauses that fired, every reason in plain English
 * (and an explanation for auditors),
 * the exact ruleset version, the trigger, and the full inputs and outputs.
 */
public record DecisionView(String id, String applicationId, String round, String decision, String outcome,
                           LocalDate decisionDate, String rulesetVersion, List<String> firedClauses,
                           List<String> firedRules, List<String> reasons, DecisionExplanation explanation,
                           String processInstanceId,
                           String activityId, String triggerType, String triggeredBy, Instant recordedAt,
                           JsonNode outputs, JsonNode inputs) {
}
