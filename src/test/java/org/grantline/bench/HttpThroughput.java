package org.grantline.bench;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Application submissions over HTTP at 1, 8 and 32 concurrent clients: throughput, median and 99th percentile
 * latency and errors, per run. Returns how many applications it created.
 */
final class HttpThroughput {

    static final String NAME = "HTTP submissions";
    static final int[] CLIENTS = {1, 8, 32};
    /** Warm-up at 8 clients: at least this many submissions, then batches until the JIT is quiet (JitWarmUp). */
    static final int WARM_UP = 2_000;
    static final int WARM_UP_MAX = 20_000;
    static final int WARM_UP_BATCH = 500;

    /** With {@code h2} (grantline's database, when it is H2) the statements per submission are counted too. */
    static List<Figure> measure(HttpLoad load, DataSource h2, BenchSize size, int runs) throws InterruptedException {
        // The JIT needs the same work whatever the size: a shorter warm-up measures the compiler.
        List<Figure> figures = new ArrayList<>();
        if (size == BenchSize.SMOKE) {
            load.run(8, 10);
        } else {
            JitWarmUp.Done warm = JitWarmUp.run(WARM_UP, WARM_UP_MAX, WARM_UP_BATCH, n -> load.run(8, n));
            figures.add(Figure.of(NAME, "warm-up at 8 clients", "submissions", List.of((double) warm.units()))
                    .note(warm.describe("submissions")));
        }
        if (h2 != null) {
            int counted = size == BenchSize.SMOKE ? 20 : 50;
            double statements = StatementCount.perUnit(h2, "http-submission", counted, () -> {
                HttpLoad.Outcome outcome = submissions(load, counted);
                if (outcome.errors() > 0) {
                    throw new IllegalStateException(outcome.errors() + " submissions failed: " + outcome.firstError());
                }
            });
            figures.add(Figure.of(NAME, "SQL statements per submission", "statements", List.of(statements))
                    .note(String.format("H2's own count over %d submissions at 1 client, once", counted)));
        }
        Map<Integer, List<HttpLoad.Outcome>> byClients = new LinkedHashMap<>();
        List<Double> jitMillis = new ArrayList<>();
        List<Double> fileReads = new ArrayList<>();
        boolean countReads = H2Store.isFile(h2);
        for (int run = 0; run < runs; run++) {
            H2Store before = countReads ? H2Store.of(h2) : null;
            long submitted = 0;
            long jitBefore = JitWarmUp.compilationMillis();
            for (int clients : CLIENTS) {
                // Small keeps a third, not a tenth: shorter levels measure the JIT and the noise.
                int count = size == BenchSize.SMALL ? (clients == 1 ? 100 : 500)
                        : clients == 1 ? size.of(300, 10) : size.of(1_500, 20);
                byClients.computeIfAbsent(clients, c -> new ArrayList<>()).add(load.run(clients, count));
                submitted += count;
            }
            jitMillis.add((double) (JitWarmUp.compilationMillis() - jitBefore));
            if (countReads) {
                fileReads.add(H2Store.of(h2).readsPerUnitSince(before, submitted));
            }
        }
        byClients.forEach((clients, outcomes) -> {
            String at = clients + (clients == 1 ? " client" : " clients");
            String n = String.format("%,d submissions per run", outcomes.get(0).requests());
            Figure rate = Figure.of(NAME, "throughput at " + at, "submissions/s",
                    outcomes.stream().map(HttpLoad.Outcome::throughput).toList()).note(n);
            Figure p50 = Figure.of(NAME, "p50 latency at " + at, "ms", outcomes.stream().map(o -> o.percentile(50)).toList());
            Figure p99 = Figure.of(NAME, "p99 latency at " + at, "ms", outcomes.stream().map(o -> o.percentile(99)).toList());
            Figure errors = Figure.of(NAME, "errors (not 201) at " + at, "count",
                    outcomes.stream().map(o -> (double) o.errors()).toList()).goal("0", 0, false);
            String first = outcomes.stream().map(HttpLoad.Outcome::firstError).filter(e -> !e.isEmpty()).findFirst().orElse("");
            if (!first.isEmpty()) {
                errors = errors.note("first: " + first.substring(0, Math.min(200, first.length())).replace('\n', ' '));
            }
            if (clients == 8) {
                rate = rate.goal("≥ 300/s", 300, true);
                p99 = p99.goal("< 100 ms", 100, false);
            }
            figures.addAll(List.of(rate, p50, p99, errors));
        });
        figures.add(Figure.of(NAME, "JIT compilation during the measured levels (all compiler threads)", "ms",
                jitMillis).note("near 0 when the warm-up was long enough"));
        if (countReads) {
            figures.add(Figure.of(NAME, "H2 file reads per submission during the measured levels", "reads",
                    fileReads).note("pages H2's page cache did not hold; " + H2Store.of(h2).describe()));
        }
        return figures;
    }

    private static HttpLoad.Outcome submissions(HttpLoad load, int count) {
        try {
            return load.run(1, count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting statements", e);
        }
    }

    static List<String> notes(String where) {
        return List.of("What: POST /api/applications over loopback (HTTP/1.1, java.net.http.HttpClient, Basic auth as "
                + "demo-applicant), the README's example with names of its own each time so that every one is a "
                + "new, eligible application (intake rules, process start, eligibility decision recorded, task "
                + "opened); closed loop: each client (a thread of a fixed pool) sends its next as soon as the last "
                + "is answered; levels 1, 8, 32 clients one after another in each run, after a warm-up at 8 clients of at least "
                + String.format("%,d submissions, then batches of %d until the JIT compilers took under %d %% of a "
                        + "batch's wall time (at most %,d; smoke: 10)", WARM_UP, WARM_UP_BATCH,
                        Math.round(JitWarmUp.QUIET * 100), WARM_UP_MAX)
                + ". Latency from send to full answer. " + where + ".");
    }

    private HttpThroughput() {
    }
}
