package org.grantline.decisions;

import org.grantline.rules.DecisionResult;
import org.grantline.rules.FiredRule;
import org.grantline.rules.facts.Failure;
import org.grantline.rules.facts.Flag;
import org.grantline.rules.facts.ScorePoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

/** A decision in plain English, for caseworkers (task forms) and applicants (application state). */
public final class Explanation {

    public static String summary(DecisionResult result) {
        List<String> lines = new ArrayList<>();
        lines.add(sentence(result.decision()) + ": " + result.outcome().replace('_', ' ').toLowerCase() + ".");
        for (Failure failure : result.failures()) {
            lines.add("Not met - " + failure.clause() + ": " + failure.reason());
        }
        if (!result.scores().isEmpty()) {
            lines.add("Priority score " + result.totalScore() + ":");
            for (ScorePoint point : result.scores()) {
                lines.add("+" + point.points() + " " + point.clause() + ": " + point.reason());
            }
        }
        result.awards().forEach(a -> lines.add("Award " + a.type() + " of GBP " + a.amount().toPlainString()
                + " (" + a.clause() + ")"));
        for (Flag flag : result.flags()) {
            lines.add("Flag " + flag.code() + " - " + flag.clause() + ": " + flag.reason());
        }
        // In name order, as the record keeps them: a form shows the summary made from the record (DecisionFields).
        new TreeMap<>(result.values()).forEach((name, value) -> lines.add(name + ": " + value));
        lines.add("Clauses applied: " + String.join(", ", new LinkedHashSet<>(
                result.fired().stream().map(FiredRule::clause).filter(Explanation::isClauseId).toList())));
        // One line: Tasklist shows it in a text input, which drops line breaks; a changed read-only value is refused.
        return String.join(" | ", lines);
    }

    /** E1, S6, M4 ... as in the programme specification; helper rules (POLICY, verdicts) are not clauses. */
    static boolean isClauseId(String clause) {
        return clause.matches("[A-Z]{1,3}\\d{1,3}");
    }

    private static String sentence(String decision) {
        String words = decision.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private Explanation() {
    }
}
