package org.grantline.bench;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Lifecycle throughput: the same number of OP-2014 applications through the whole lifecycle on grantline and
 * on the bare engine, one after another on one thread. Each run alternates slices of {@link #SLICE} applications
 * of the two (grantline then bare, then bare then grantline, …) and adds up each one's time, so that a change in
 * the machine's speed, which on a shared host moves within seconds, falls on both alike. The real-size round on
 * grantline is timed one after another and also as a round runs: day by day, each day's steps for all
 * applications by a worker per core.
 */
final class LifecycleThroughput {

    static final int REAL_ROUND = 280;
    /** Lifecycles per warm-up batch, after the first tenth of the run size (JitWarmUp). */
    static final int WARM_UP_BATCH = 50;
    /** Applications per slice of a measured run: a few seconds of either engine. */
    static final int SLICE = 20;
    /** Threads driving the round together: one per core. */
    static final int WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * With {@code grantlineH2} (grantline's database, when it is H2) the statements per application of both are
     * counted too, in a pass of their own after the warm-up.
     */
    static List<Figure> measure(String benchmark, LifecycleSteps grantline, DataSource grantlineH2,
                                Supplier<BareEngine> bareEngine, BenchSize size, int runs, boolean realRound) {
        int count = size.of(2_000, 20);
        // At least 100 lifecycles of each before measuring, whatever the size, then until the JIT is quiet.
        int warmUp = size == BenchSize.SMOKE ? 1 : Math.max(100, count / 10);
        int warmUpMax = size == BenchSize.SMOKE ? 1 : 10 * warmUp;
        List<Double> ours = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<Double> oursCpu = new ArrayList<>();
        List<Double> bareCpu = new ArrayList<>();
        List<Double> cpuRatio = new ArrayList<>();
        List<Double> round = new ArrayList<>();
        List<Double> oneRound = new ArrayList<>();
        int roundSize = size == BenchSize.SMOKE ? 5 : REAL_ROUND;
        List<Figure> statements = new ArrayList<>();
        List<Figure> warmUps = new ArrayList<>();
        List<Double> oursReads = new ArrayList<>();
        List<Double> bareReads = new ArrayList<>();
        List<Figure> reads = new ArrayList<>();
        // Pages read back from H2's file, where grantline's database is an H2 file (the smoke test's is in memory)
        boolean countReads = H2Store.isFile(grantlineH2);
        BareEngine.Rules rules;
        try (BareEngine engine = bareEngine.get()) {
            rules = engine.rules();
            JitWarmUp.Done oursWarm = warmUp(grantline, warmUp, warmUpMax);
            JitWarmUp.Done bareWarm = warmUp(engine, warmUp, warmUpMax);
            warmUps.add(Figure.of(benchmark, "warm-up, grantline", "applications", List.of((double) oursWarm.units()))
                    .note(oursWarm.describe("lifecycles")));
            warmUps.add(Figure.of(benchmark, "warm-up, " + rules.engineName, "applications", List.of((double) bareWarm.units()))
                    .note(bareWarm.describe("lifecycles")));
            if (grantlineH2 != null) {
                statements.addAll(statements(benchmark, grantline, grantlineH2, engine, size));
            }
            for (int run = 0; run < runs; run++) {
                H2Store oursBefore = countReads ? H2Store.of(grantlineH2) : null;
                H2Store bareBefore = countReads ? H2Store.of(engine.dataSource()) : null;
                LifecycleScript.Timing[] passes = interleaved(grantline, engine, count, "run" + run);
                LifecycleScript.Timing oursPass = passes[0];
                LifecycleScript.Timing barePass = passes[1];
                double oursRate = count / oursPass.seconds();
                double bareRate = count / barePass.seconds();
                if (countReads) {
                    oursReads.add(H2Store.of(grantlineH2).readsPerUnitSince(oursBefore, count));
                    bareReads.add(H2Store.of(engine.dataSource()).readsPerUnitSince(bareBefore, count));
                }
                ours.add(oursRate);
                bare.add(bareRate);
                ratio.add(oursRate / bareRate);
                if (DriverCpu.available()) {
                    oursCpu.add(oursPass.driverCpuSeconds() * 1000 / count);
                    bareCpu.add(barePass.driverCpuSeconds() * 1000 / count);
                    cpuRatio.add(barePass.driverCpuSeconds() / oursPass.driverCpuSeconds());
                }
                if (realRound) {
                    round.add(LifecycleScript.timed(grantline, roundSize, "round" + run));
                    oneRound.add(LifecycleScript.timedAsOneRound(grantline, roundSize, WORKERS, "together" + run));
                }
            }
            if (countReads) {
                reads.add(Figure.of(benchmark, "H2 file reads per application, grantline", "reads", oursReads)
                        .note("pages H2's page cache did not hold; " + H2Store.of(grantlineH2).describe()));
                reads.add(Figure.of(benchmark, "H2 file reads per application, " + rules.engineName, "reads", bareReads)
                        .note(H2Store.of(engine.dataSource()).describe()));
            }
        }
        String n = String.format("%,d applications per run", count);
        Figure ratioFigure = Figure.of(benchmark, "grantline / " + rules.versus, "ratio", ratio);
        List<Figure> figures = new ArrayList<>(List.of(
                Figure.of(benchmark, "grantline, whole lifecycle", "applications/s", ours).note(n),
                Figure.of(benchmark, rules.label, "applications/s", bare).note(n),
                // The goal is against the bare engine; against Camunda + DMN the ratio is for comparison.
                rules == BareEngine.Rules.NO_OP ? ratioFigure.goal("≥ 0.8", 0.8, true) : ratioFigure));
        if (!oursCpu.isEmpty()) {
            String driver = "the driving thread's CPU time in the measured runs: without its waits for a core, and "
                    + "without other threads' work (H2's writer, the JIT, the collector, grantline's scheduled "
                    + "refreshes" + (grantlineH2 == null ? ", the database server" : "") + ")";
            figures.addAll(List.of(
                    Figure.of(benchmark, "CPU time per application, grantline", "ms", oursCpu).note(driver),
                    Figure.of(benchmark, "CPU time per application, " + rules.engineName, "ms", bareCpu).note(driver),
                    Figure.of(benchmark, "grantline / " + rules.versus + ", speed by CPU time ("
                            + (rules == BareEngine.Rules.NO_OP ? "bare's" : "its") + " ÷ grantline's)", "ratio", cpuRatio)));
        }
        figures.addAll(statements);
        figures.addAll(reads);
        figures.addAll(warmUps);
        if (realRound) {
            Figure roundTime = Figure.of(benchmark, "real-size round through the whole lifecycle", "s", round)
                    .note(String.format("%,d applications", roundSize));
            figures.add(roundSize == REAL_ROUND ? roundTime.goal("< 10 s for 280", 10, false)
                    : roundTime.note(String.format("%,d applications; the goal, < 10 s, is for 280", roundSize)));
            Figure together = Figure.of(benchmark, "real-size round, each day's steps for all applications by "
                    + WORKERS + " workers at once", "s", oneRound).note(String.format("%,d applications", roundSize));
            figures.add(roundSize == REAL_ROUND ? together.goal("< 10 s for 280", 10, false) : together);
        }
        return figures;
    }

    /** Grantline's and the bare engine's time over {@code count} applications each, in alternating slices. */
    private static LifecycleScript.Timing[] interleaved(LifecycleSteps grantline, LifecycleSteps bare, int count,
                                                        String tag) {
        LifecycleScript.Timing ours = new LifecycleScript.Timing(0, 0);
        LifecycleScript.Timing theirs = new LifecycleScript.Timing(0, 0);
        for (int done = 0, slice = 0; done < count; done += SLICE, slice++) {
            int size = Math.min(SLICE, count - done);
            String sliceTag = tag + "s" + slice;
            if (slice % 2 == 0) {
                ours = ours.plus(LifecycleScript.timedWithCpu(grantline, size, sliceTag));
                theirs = theirs.plus(LifecycleScript.timedWithCpu(bare, size, sliceTag));
            } else {
                theirs = theirs.plus(LifecycleScript.timedWithCpu(bare, size, sliceTag));
                ours = ours.plus(LifecycleScript.timedWithCpu(grantline, size, sliceTag));
            }
        }
        return new LifecycleScript.Timing[]{ours, theirs};
    }

    private static JitWarmUp.Done warmUp(LifecycleSteps steps, int atLeast, int atMost) {
        try {
            return JitWarmUp.run(atLeast, atMost, WARM_UP_BATCH, n -> LifecycleScript.timed(steps, n, "warm"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming up", e);
        }
    }

    private static List<Figure> statements(String benchmark, LifecycleSteps grantline, DataSource grantlineH2,
                                           BareEngine engine, BenchSize size) {
        int applications = size == BenchSize.SMOKE ? 5 : 20;
        String file = benchmark.replaceAll("\\W+", "-").replaceAll("-$", "").toLowerCase(Locale.ROOT);
        double ours = StatementCount.perApplication(grantlineH2, file + "-grantline", grantline, applications);
        double bare = StatementCount.perApplication(engine.dataSource(), file + "-bare", engine, applications);
        String n = String.format("H2's own count over %d applications, once", applications);
        BareEngine.Rules rules = engine.rules();
        return List.of(
                Figure.of(benchmark, "SQL statements per application, grantline", "statements", List.of(ours)).note(n),
                Figure.of(benchmark, "SQL statements per application, " + rules.engineName, "statements", List.of(bare))
                        .note(n),
                Figure.of(benchmark, "SQL statements, grantline / " + rules.versus, "ratio", List.of(ours / bare)));
    }

    static List<String> notes(String database, BareEngine.Rules rules) {
        String replaced = rules.dmn()
                ? "every service task and every execution and task listener replaced by a no-op, every rule task a "
                        + "DMN business rule task: " + BareEngine.DMN_TABLE + " (decision '" + BareEngine.DMN_DECISION
                        + "', hit policy COLLECT, " + (rules == BareEngine.Rules.DMN_LEGACY_FEEL ? "legacy FEEL"
                        : "Camunda's default FEEL engine") + ") on the inputs the process starts with, recorded in "
                        + "Camunda's decision history, then an end listener sets the outcome variables the gateways "
                        + "read and the dates the timers read (-Dbench.bare=" + rules.option() + "; the ratio is not "
                        + "the issue's goal, which is against the bare engine with no-op delegates)"
                : "every service and rule task delegate and every execution and task listener replaced by a no-op "
                        + "(rule tasks set the outcome variables the gateways read and the dates the timers read)";
        return List.of(
                "What: OP-2014 applications driven one after another through the whole lifecycle (submission, "
                        + "review, Getting Ready, strategy and logic model, Getting Going applied for and approved, draft "
                        + "and final plan, plan-review escalation timer forced, sign-off, match-funding commitments, "
                        + "12-month check timer forced (commitment unpaid), follow-up task, CBA outturn, completed): "
                        + "4 user tasks, 2 timers, 8 messages, 9 recorded decisions per application; every "
                        + "application is checked to have ended COMPLETED.",
                "grantline: through its own services (ApplicationService, SubmissionService, TaskCompletions as "
                        + "POST /api/tasks/{id}/complete completes a task, ManagementService for timers), " + database
                        + ", Camunda authorizations on, rules with OP-2014's capacity and budget raised so that "
                        + "every application is awarded, log level WARN for org.grantline.",
                rules.engineName + ": StandaloneProcessEngineConfiguration on " + database + " (a database of its own), "
                        + "history full and removal time from the start as grantline, job executor off, "
                        + "authorizations off (Camunda's default); "
                        + "bpmn/OP-2014.bpmn read with the model API, " + replaced + ", timers, gateways and forms "
                        + "kept; the same script through RuntimeService, FormService and ManagementService.",
                "Warm-up: on each, grantline first, a tenth of the run size (at least 100; smoke: 1), then batches "
                        + "of " + WARM_UP_BATCH + " until the JIT compilers took under " + Math.round(JitWarmUp.QUIET * 100) + " % of a "
                        + "batch's wall time (at most ten times the first; the lifecycles it took are in the report); "
                        + "each run alternates slices of " + SLICE + " applications of the two (grantline, bare; "
                        + "bare, grantline; …) and adds up each one's time. "
                        + "On H2 the statements are then counted by the database over a pass of their own (not timed).");
    }

    private LifecycleThroughput() {
    }
}
