package org.grantline.rules;

import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.ConditionChange;
import org.grantline.rules.facts.Failure;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.Release;
import org.grantline.rules.facts.ScorePoint;
import org.grantline.rules.facts.Tranche;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Everything one decision produced, in the order the rules produced it. */
public record DecisionResult(
        String roundCode,
        String decision,
        String rulesetVersion,
        LocalDate decisionDate,
        String outcome,
        List<FiredRule> fired,
        List<Failure> failures,
        Map<String, Object> values,
        List<ScorePoint> scores,
        List<Award> awards,
        List<Tranche> tranches,
        List<Release> releases,
        List<ConditionChange> conditions,
        List<Flag> flags) {

    public List<String> firedClauses() {
        return fired.stream().map(FiredRule::clause).toList();
    }

    public int totalScore() {
        return scores.stream().mapToInt(ScorePoint::points).sum();
    }
}
