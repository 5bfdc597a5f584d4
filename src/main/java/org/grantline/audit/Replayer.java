package org.grantline.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.decisions.DecisionView;
import org.grantline.decisions.RecordedOutputs;
import org.grantline.operations.GrantlineMetrics;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.Ruleset;
import org.grantline.trail.CanonicalJson;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes a recorded decision again from its recorded facts and date, with its own ruleset version or
 * another one (what-if), and compares. Pure: it writes nothing and moves no process.
 */
@Component
public class Replayer {

    private static final String FACTS_PACKAGE = "org.grantline.rules.facts.";

    private final GrantlineMetrics metrics;

    Replayer(GrantlineMetrics metrics) {
        this.metrics = metrics;
    }

    public ReplayResult replay(DecisionView recorded, Ruleset ruleset) {
        DecisionResult result = DecisionEngine.decide(ruleset, recorded.decision(), recorded.decisionDate(),
                facts(recorded.inputs()));
        JsonNode replayedOutputs = CanonicalJson.MAPPER.valueToTree(RecordedOutputs.of(result));
        List<ReplayResult.Difference> differences = new ArrayList<>();
        compare("outputs", recorded.outputs(), replayedOutputs, differences);
        if (!recorded.firedClauses().equals(result.firedClauses())) {
            differences.add(new ReplayResult.Difference("firedClauses", String.valueOf(recorded.firedClauses()),
                    String.valueOf(result.firedClauses())));
        }
        String status = differences.isEmpty() ? ReplayResult.MATCH : ReplayResult.MISMATCH;
        metrics.replayed(status);
        return new ReplayResult(recorded.id(), recorded.decision(), recorded.rulesetVersion(), ruleset.version(),
                status, recorded.outcome(), result.outcome(), differences);
    }

    /** Rebuilds the facts exactly as recorded: each with its type name. */
    static List<Object> facts(JsonNode inputs) {
        List<Object> facts = new ArrayList<>();
        for (JsonNode entry : inputs) {
            String type = entry.path("type").asText();
            try {
                // Derived properties written for readers (e.g. Cba's fiscalRatio) are recomputed, not read back.
                facts.add(CanonicalJson.MAPPER.readerFor(Class.forName(FACTS_PACKAGE + type))
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(entry.path("fact")));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("recorded fact of type " + type + " cannot be rebuilt", e);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("recorded fact of type " + type + " cannot be rebuilt", e);
            }
        }
        return facts;
    }

    /** Field-by-field difference of two JSON trees, with paths like outputs.awards[0].amount. */
    static void compare(String path, JsonNode recorded, JsonNode replayed, List<ReplayResult.Difference> into) {
        if (recorded.isObject() && replayed.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            recorded.fieldNames().forEachRemaining(names::add);
            replayed.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(path + "." + name, recorded.path(name), replayed.path(name), into);
            }
        } else if (recorded.isArray() && replayed.isArray()) {
            int size = Math.max(recorded.size(), replayed.size());
            for (int i = 0; i < size; i++) {
                compare(path + "[" + i + "]", recorded.path(i), replayed.path(i), into);
            }
        } else if (!same(recorded, replayed)) {
            into.add(new ReplayResult.Difference(path, text(recorded), text(replayed)));
        }
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() ? "(absent)" : node.isValueNode() ? node.asText() : node.toString();
    }

}
