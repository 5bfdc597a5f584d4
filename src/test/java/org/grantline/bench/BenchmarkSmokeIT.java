package org.grantline.bench;

import org.grantline.GrantlineIT;
import org.grantline.audit.BatchReplay;
import org.grantline.tasks.TaskCompletions;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Keeps the benchmark suite working in the normal build: every benchmark's measurement at smoke size, in the
 * tests' shared context (so no extra start), with sane figures asserted. Writes target/bench-smoke/report.md.
 * Not here: the PostgreSQL rows, the real-size round, the child-JVM start-up (too slow for the build; run them with
 * {@code ./mvnw -Pbench verify -Dbench.size=smoke}).
 */
class BenchmarkSmokeIT extends GrantlineIT {

    /**
     * Statement budgets: the build's guard against a change that makes the lifecycle or a submission dearer. H2's
     * count follows the code, not the machine (timed background work adds a fraction), so unlike a rate it can be
     * held in every build. Measured here 720 (719 over the bench profile's 20 applications) and 52 (twenty-fourth
     * session): a change that adds 8 statements to a lifecycle (one at each decision, say) or 2 to a submission
     * fails. Lower a budget when a change takes statements off, raise it only with the reason in the commit;
     * {@code -Dbench.statements=true} on the bench profile lists every statement with its count.
     */
    static final int LIFECYCLE_STATEMENTS_BUDGET = 727;
    static final int SUBMISSION_STATEMENTS_BUDGET = 53;

    static final BenchReport REPORT = new BenchReport(Path.of("target/bench-smoke"), BenchSize.SMOKE, 1,
            "./mvnw verify (BenchmarkSmokeIT, in the shared test context)");

    @LocalServerPort
    int port;
    @Autowired
    Lifecycle drive;
    @Autowired
    TaskCompletions tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource database;
    @Autowired
    BatchReplay batch;

    @Test
    void everyBenchmarkRunsAtSmokeSizeWithSaneFigures() throws Exception {
        List<Figure> lifecycle = LifecycleThroughput.measure("Lifecycle", new GrantlineSteps(drive, tasks), database,
                () -> BareEngine.on("jdbc:h2:mem:bare-smoke-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1" + FreshH2.DEFAULT_OPTIONS,
                        "org.h2.Driver", "sa", Path.of("bpmn/OP-2014.bpmn"), BareEngine.Rules.NO_OP), BenchSize.SMOKE, 1, false);
        REPORT.publish("Lifecycle", lifecycle, List.of());
        assertThat(lifecycle).hasSize(11).allSatisfy(f -> assertThat(f.median()).isPositive());
        // one run: the CPU ratio is the bare engine's driving-thread time over grantline's (higher is better, as
        // the rates'), and grantline, which does the bare engine's work and its own, takes more
        double bareCpu = median(lifecycle, "CPU time per application, bare Camunda");
        double grantlineCpu = median(lifecycle, "CPU time per application, grantline");
        assertThat(median(lifecycle, "grantline / bare engine, speed by CPU time (bare's ÷ grantline's)"))
                .isCloseTo(bareCpu / grantlineCpu, within(1e-9));
        assertThat(grantlineCpu).isGreaterThan(bareCpu);
        assertThat(median(lifecycle, "warm-up, grantline")).as("smoke warms up on one lifecycle").isEqualTo(1);
        // grantline runs the bare engine's statements and its own (decisions, records, trail) on top
        double bareStatements = median(lifecycle, "SQL statements per application, bare Camunda");
        assertThat(median(lifecycle, "SQL statements per application, grantline")).isGreaterThan(bareStatements)
                .as("SQL statements per application over the budget: a change made every lifecycle dearer")
                .isLessThanOrEqualTo(LIFECYCLE_STATEMENTS_BUDGET);
        assertThat(bareStatements).isGreaterThan(200);
        // the round as it runs, day by day with two workers (the bench profile times it at 280)
        assertThat(LifecycleScript.timedAsOneRound(new GrantlineSteps(drive, tasks), 4, 2, "smoke-round")).isPositive();

        long compileStarted = System.nanoTime();
        DecisionLatency.compiled();
        double compileSeconds = (System.nanoTime() - compileStarted) / 1e9;
        DecisionLatency engines = new DecisionLatency();
        engines.setUp();
        assertThat(DecisionEquivalence.check(engines)).isEqualTo(DecisionEquivalence.CASES.size() * 4);
        List<Figure> decisions = new ArrayList<>(DecisionLatencyRun.measure(BenchSize.SMOKE, 1, 0));
        decisions.add(Figure.of(DecisionLatencyRun.NAME, "rule compile, OP-2014", "s", List.of(compileSeconds)));
        REPORT.publish(DecisionLatencyRun.NAME, decisions, List.of());
        assertThat(decisions).hasSize(2 * DecisionLatencyRun.LABELS.size() + 3)
                .allSatisfy(f -> assertThat(f.median()).isPositive());

        Lifecycle.on("2014-02-10");
        List<Figure> http = HttpThroughput.measure(new HttpLoad("http://127.0.0.1:" + port, Lifecycle.APPLICANT,
                PASSWORD), database, BenchSize.SMOKE, 1);
        REPORT.publish(HttpThroughput.NAME, http, List.of());
        assertThat(http).hasSize(14);
        // a submission stores the application, starts the process, records a decision and opens a task
        assertThat(median(http, "SQL statements per submission")).isGreaterThanOrEqualTo(50)
                .as("SQL statements per submission over the budget: a change made every submission dearer")
                .isLessThanOrEqualTo(SUBMISSION_STATEMENTS_BUDGET);
        assertThat(http).filteredOn(f -> f.metric().startsWith("errors")).allSatisfy(f -> assertThat(f.max()).isZero());
        // JIT time may be 0 on a warm JVM; every other figure (rates, latencies) must be positive.
        assertThat(http).filteredOn(f -> !f.metric().startsWith("errors") && !f.metric().startsWith("JIT"))
                .allSatisfy(f -> assertThat(f.min()).isPositive());

        ReplayThroughput.Result replay = ReplayThroughput.measure(batch, new BatchReplay.Selection("OP-2014", null, null), 1);
        REPORT.publish(ReplayThroughput.NAME, ReplayThroughput.figures(replay), List.of());
        assertThat(replay.decisions()).isPositive();
        assertThat(replay.rates()).allSatisfy(rate -> assertThat(rate).isPositive());
        assertThat(replay.keptHeapMiB()).as("a replay keeps no memory once collected").allSatisfy(kept ->
                assertThat(kept).isLessThan(64));

        List<Figure> heap = ActiveApplicationsHeap.measure(drive, jdbc, 100, 1);
        REPORT.publish(ActiveApplicationsHeap.NAME, heap, List.of());
        assertThat(ActiveApplicationsHeap.openApplications(jdbc)).isGreaterThanOrEqualTo(100);
        assertThat(heap.get(0).median()).isPositive().isLessThan(Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
    }

    private static double median(List<Figure> figures, String metric) {
        return figures.stream().filter(f -> f.metric().equals(metric)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure '" + metric + "'")).median();
    }
}
