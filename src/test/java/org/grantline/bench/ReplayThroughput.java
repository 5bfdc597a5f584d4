package org.grantline.bench;

import org.grantline.audit.BatchReplay;
import org.grantline.audit.ReplaySummary;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch replay of every recorded decision against its own ruleset version: decisions/s, peak heap, and the heap a
 * run leaves behind once collected (what shows that memory stays bounded: the peak only follows the heap's size).
 */
final class ReplayThroughput {

    static final String NAME = "Batch replay";

    record Result(long decisions, List<Double> rates, List<Double> peakHeapMiB, List<Double> keptHeapMiB) {
    }

    static Result measure(BatchReplay batch, BatchReplay.Selection all, int runs) {
        batch.run(all, null, null, (d, t) -> { }, () -> false); // warm-up
        List<Double> rates = new ArrayList<>();
        List<Double> peaks = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        long decisions = 0;
        for (int run = 0; run < runs; run++) {
            double before = ActiveApplicationsHeap.heapAfterGcMiB();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long started = System.nanoTime();
            ReplaySummary summary = batch.run(all, null, null, (d, t) -> { }, () -> false);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (summary.getMismatches() != 0) {
                throw new IllegalStateException(summary.getMismatches() + " decisions replayed to a MISMATCH");
            }
            decisions = summary.getReplayed();
            rates.add(decisions / seconds);
            peaks.add(peakHeapBytes() / (1024.0 * 1024));
            kept.add(ActiveApplicationsHeap.heapAfterGcMiB() - before);
        }
        return new Result(decisions, rates, peaks, kept);
    }

    static List<Figure> figures(Result result) {
        String n = String.format("%,d decisions, all MATCH", result.decisions());
        return List.of(
                Figure.of(NAME, "decisions replayed", "decisions/s", result.rates()).note(n)
                        .goal("≥ 5,000/s", 5_000, true),
                Figure.of(NAME, "peak heap during a run (sum of pool peaks, an upper bound)", "MiB",
                        result.peakHeapMiB()).note("heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB"),
                Figure.of(NAME, "heap kept by a run (used after GC, after the run minus before it)", "MiB",
                        result.keptHeapMiB()).note("near 0: a replay holds no decision once it is replayed"));
    }

    static List<String> notes() {
        return List.of("What: BatchReplay over every recorded decision (real decisions of simulated applications, "
                + "copied up to the size), each against its own ruleset version, H2 in a file; one warm-up replay "
                + "first. Also written alone to target/bench/replay.md and replay.csv.");
    }

    private static long peakHeapBytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private ReplayThroughput() {
    }
}
