package org.grantline.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.decisions.DecisionView;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.CanonicalJson;
import org.grantline.web.Csv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Replays many recorded decisions: those of a round and/or a time range, each against its own ruleset
 * version (integrity) or all against one chosen ruleset (impact of a rule change). Decisions are read a
 * page at a time, so memory stays bounded however many there are; differences go to a CSV as they are
 * found. Nothing is written to the database.
 */
@Component
public class BatchReplay {

    static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final RulesetVersions versions;
    private final Replayer replayer;

    BatchReplay(JdbcClient jdbc, RulesetVersions versions, Replayer replayer) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.replayer = replayer;
    }

    /** Which decisions: a round (or all), recorded in [from, to) (either may be open), or one decision by id. */
    public record Selection(String round, Instant from, Instant to, String decisionId) {

        public Selection(String round, Instant from, Instant to) {
            this(round, from, to, null);
        }
    }

    /** Told after every decision: how many are done of how many. */
    public interface Progress {
        void update(long done, long total);
    }

    public long count(Selection selection) {
        return jdbc.sql("select count(*) from decision_record where " + WHERE)
                .params(params(selection, 0)).query(Long.class).single();
    }

    /** Receives every decision whose replay differs from the record, in order. */
    public interface Differences {
        void add(DecisionView recorded, ReplayResult result) throws IOException;
    }

    /**
     * @param against  null to replay each decision with its own version, else the ruleset to use for all
     * @param csv      receives one line per difference (with a header), or null
     * @param stop     asked between pages; true ends the run early, with what was done so far
     */
    public ReplaySummary run(Selection selection, Ruleset against, Writer csv, Progress progress,
                             BooleanSupplier stop) {
        try {
            if (csv == null) {
                return runWithDifferences(selection, against, null, progress, stop);
            }
            csv.write("decision_id,application_id,decision,recorded_version,replayed_version,field,recorded,replayed\n");
            ReplaySummary summary = runWithDifferences(selection, against, (recorded, result) -> {
                for (ReplayResult.Difference d : result.differences()) {
                    csv.write(String.join(",", recorded.id(), recorded.applicationId(), result.decision(),
                            result.recordedVersion(), result.replayedVersion(), Csv.field(d.field()),
                            Csv.field(d.recorded()), Csv.field(d.replayed())) + "\n");
                }
            }, progress, stop);
            csv.flush();
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As above, with each differing decision given to {@code differences} (may be null). */
    public ReplaySummary runWithDifferences(Selection selection, Ruleset against, Differences differences,
                                            Progress progress, BooleanSupplier stop) {
        long total = count(selection);
        ReplaySummary summary = new ReplaySummary(selection, against == null ? null : against.version(), total);
        try {
            long afterSeq = 0;
            while (!stop.getAsBoolean()) {
                List<Row> page = page(selection, afterSeq);
                if (page.isEmpty()) {
                    break;
                }
                // Decisions are independent and replay is CPU-bound: a page is replayed on all cores,
                // then counted and reported in order.
                List<ReplayResult> results = page.parallelStream()
                        .map(row -> replayOne(row.view(), against))
                        .toList();
                for (int i = 0; i < page.size(); i++) {
                    ReplayResult result = results.get(i);
                    summary.add(result);
                    if (differences != null && !result.differences().isEmpty()) {
                        differences.add(page.get(i).view(), result);
                    }
                    progress.update(summary.getReplayed(), total);
                }
                afterSeq = page.get(page.size() - 1).seq();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        summary.finish(stop.getAsBoolean());
        return summary;
    }

    /** A decision that cannot be replayed (e.g. a candidate without that decision) is a mismatch, not an abort. */
    private ReplayResult replayOne(DecisionView view, Ruleset against) {
        try {
            return replayer.replay(view, against != null ? against : versions.ruleset(view.rulesetVersion()));
        } catch (RuntimeException e) {
            return new ReplayResult(view.id(), view.decision(), view.rulesetVersion(),
                    against == null ? view.rulesetVersion() : against.version(), ReplayResult.MISMATCH, view.outcome(),
                    null, List.of(new ReplayResult.Difference("(replay)", view.outcome(), "cannot replay: " + e.getMessage())));
        }
    }

    private static final String WHERE = "(cast(? as varchar) is null or round_code = ?) "
            + "and (cast(? as varchar) is null or id = ?) "
            + "and (cast(? as timestamp) is null or recorded_at >= ?) "
            + "and (cast(? as timestamp) is null or recorded_at < ?) and seq > ?";

    private List<Row> page(Selection selection, long afterSeq) {
        return jdbc.sql("""
                        select seq, id, application_id, round_code, decision, outcome, decision_date, ruleset_version,
                            inputs, outputs, fired
                        from decision_record where """ + WHERE + " order by seq limit " + PAGE)
                .params(params(selection, afterSeq))
                .query((rs, n) -> new Row(rs.getLong("seq"), new DecisionView(rs.getString("id"),
                        rs.getString("application_id"), rs.getString("round_code"), rs.getString("decision"),
                        rs.getString("outcome"), rs.getDate("decision_date").toLocalDate(),
                        rs.getString("ruleset_version"), clauses(rs.getString("fired")), List.of(), List.of(), null, null,
                        null, null, null, null, tree(rs.getString("outputs")), tree(rs.getString("inputs")))))
                .list();
    }

    private static Object[] params(Selection s, long afterSeq) {
        Timestamp from = s.from() == null ? null : Timestamp.from(s.from());
        Timestamp to = s.to() == null ? null : Timestamp.from(s.to());
        return new Object[]{s.round(), s.round(), s.decisionId(), s.decisionId(), from, from, to, to, afterSeq};
    }

    private static List<String> clauses(String firedJson) {
        List<String> clauses = new ArrayList<>();
        tree(firedJson).forEach(f -> clauses.add(f.path("clause").asText()));
        return clauses;
    }

    private static JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Row(long seq, DecisionView view) {
    }
}
