package org.grantline.decisions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Why a decision came out as it did, for auditors: one sentence, each clause that fired with the text of
 * its rule, and for a refusal every clause that failed with what would have to change.
 */
public record DecisionExplanation(String summary, List<ClauseApplied> applied, List<ClauseFailed> failed) {

    public record ClauseApplied(String clause, String rule) {
    }

    public record ClauseFailed(String clause, String whatWouldHaveToChange) {
    }

    static DecisionExplanation of(String decision, String outcome, List<String> clauses, List<String> rules,
                                  JsonNode outputs) {
        List<ClauseApplied> applied = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            if (Explanation.isClauseId(clauses.get(i))) {
                applied.add(new ClauseApplied(clauses.get(i), rules.get(i)));
            }
        }
        List<ClauseFailed> failed = new ArrayList<>();
        outputs.path("failures").forEach(f -> failed.add(new ClauseFailed(f.path("clause").asText(),
                f.path("reason").asText())));
        String verdict = outcome.replace('_', ' ').toLowerCase();
        String summary = failed.isEmpty()
                ? "The " + decision + " decision was " + verdict + ": every clause it depends on was met."
                : "The " + decision + " decision was " + verdict + " because " + failed.size() + " clause"
                + (failed.size() == 1 ? " was" : "s were") + " not met: "
                + String.join(", ", failed.stream().map(ClauseFailed::clause).toList()) + ".";
        return new DecisionExplanation(summary, applied, failed);
    }
}
