package org.grantline.decisions;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.FiredRule;
import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.ConditionChange;
import org.grantline.rules.facts.Failure;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.Release;
import org.grantline.rules.facts.ScorePoint;
import org.grantline.rules.facts.Tranche;
import org.grantline.trail.StoredJson;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outputs part of a decision record, the same shape when recording and when replaying. */
public final class RecordedOutputs {

    public static Map<String, Object> of(DecisionResult result) {
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

    /**
     * The result a decision record holds, from its outputs and fired rules (JSON as recorded). Its values come back
     * as JSON gives them, in name order: a date as its ISO text, a decimal with a fraction as a decimal, any whole
     * number (a decimal without a fraction too) as an integer.
     */
    public static DecisionResult read(String roundCode, String decision, String rulesetVersion, LocalDate decisionDate,
                                      String outputsJson, String firedJson) {
        Stored outputs = StoredJson.read(outputsJson, Stored.class);
        List<FiredRule> fired = StoredJson.read(firedJson, FIRED);
        return new DecisionResult(roundCode, decision, rulesetVersion, decisionDate, outputs.outcome(), fired,
                orEmpty(outputs.failures()), outputs.values() == null ? Map.of() : outputs.values(),
                orEmpty(outputs.scores()), orEmpty(outputs.awards()), orEmpty(outputs.tranches()),
                orEmpty(outputs.releases()), orEmpty(outputs.conditions()), orEmpty(outputs.flags()));
    }

    /** The values of a decision record's outputs (JSON as recorded), as {@link #read} gives them. */
    public static Map<String, Object> values(String outputsJson) {
        Map<String, Object> values = StoredJson.read(outputsJson, Stored.class).values();
        return values == null ? Map.of() : values;
    }

    private static final TypeReference<List<FiredRule>> FIRED = new TypeReference<>() {
    };

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** The shape {@link #of} writes (a later version's outputs may hold more). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Stored(String outcome, List<Failure> failures, Map<String, Object> values, List<ScorePoint> scores,
                          List<Award> awards, List<Tranche> tranches, List<Release> releases,
                          List<ConditionChange> conditions, List<Flag> flags) {
    }

    private RecordedOutputs() {
    }
}
