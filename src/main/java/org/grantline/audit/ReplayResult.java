package org.grantline.audit;

import java.util.List;

/**
 * A recorded decision taken again: MATCH when outcome, outputs and fired clauses are the same, else
 * MISMATCH with every difference (field path, recorded value, replayed value).
 */
public record ReplayResult(String decisionId, String decision, String recordedVersion, String replayedVersion,
                           String status, String recordedOutcome, String replayedOutcome,
                           List<Difference> differences) {

    public static final String MATCH = "MATCH";
    public static final String MISMATCH = "MISMATCH";

    public record Difference(String field, String recorded, String replayed) {
    }
}
