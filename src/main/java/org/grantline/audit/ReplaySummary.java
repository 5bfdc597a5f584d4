package org.grantline.audit;

import java.util.Map;
import java.util.TreeMap;

/** Counts of a batch replay, by decision name: replayed, matched, mismatched. */
public final class ReplaySummary {

    private final BatchReplay.Selection selection;
    private final String againstVersion;
    private final long selected;
    private final Map<String, Counts> byDecision = new TreeMap<>();
    private long replayed;
    private long mismatches;
    private boolean interrupted;

    ReplaySummary(BatchReplay.Selection selection, String againstVersion, long selected) {
        this.selection = selection;
        this.againstVersion = againstVersion;
        this.selected = selected;
    }

    void add(ReplayResult result) {
        Counts counts = byDecision.computeIfAbsent(result.decision(), d -> new Counts());
        counts.replayed++;
        replayed++;
        if (ReplayResult.MATCH.equals(result.status())) {
            counts.matched++;
        } else {
            counts.mismatched++;
            mismatches++;
        }
    }

    void finish(boolean interrupted) {
        this.interrupted = interrupted;
    }

    public BatchReplay.Selection getSelection() {
        return selection;
    }

    /** Null when every decision was replayed with its own version. */
    public String getAgainstVersion() {
        return againstVersion;
    }

    public long getSelected() {
        return selected;
    }

    public long getReplayed() {
        return replayed;
    }

    public long getMismatches() {
        return mismatches;
    }

    public boolean isInterrupted() {
        return interrupted;
    }

    public Map<String, Counts> getByDecision() {
        return byDecision;
    }

    public static final class Counts {
        private long replayed;
        private long matched;
        private long mismatched;

        public long getReplayed() {
            return replayed;
        }

        public long getMatched() {
            return matched;
        }

        public long getMismatched() {
            return mismatched;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(interrupted ? "Interrupted after " : "Replayed ").append(replayed).append(" of ").append(selected)
                .append(" decision(s)").append(againstVersion == null ? " against their own ruleset versions"
                        : " against ruleset " + againstVersion).append(": ").append(mismatches).append(" mismatch(es)\n");
        byDecision.forEach((name, c) -> text.append(String.format("  %-24s %8d replayed %8d match %8d mismatch%n",
                name, c.replayed, c.matched, c.mismatched)));
        return text.toString();
    }
}
