package org.grantline.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.audit.BatchReplay;
import org.grantline.milestones.SubmissionType;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch replay speed: 100,000 recorded decisions (real decisions of a simulated round, copied) replayed
 * against their own ruleset versions, on H2 in a file, heap capped by the bench profile. Not part of the
 * test run: {@code ./mvnw -Pbench verify}. Writes target/bench/replay.md and replay.csv.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // one database per size, so that a smoke run does not replay what a full run seeded
        "spring.datasource.url=jdbc:h2:file:./target/bench/db/replay-${bench.size:full};DB_CLOSE_ON_EXIT=FALSE" + FreshH2.DEFAULT_OPTIONS,
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/bench",
        "grantline.demo-users.password=bench",
        "logging.level.org.grantline=WARN",
})
@DirtiesContext
class ReplayBenchmark {

    static final int DECISIONS = Integer.getInteger("bench.decisions", BenchSize.current().of(100_000, 2_000));
    static final int RUNS = BenchSize.runs();

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BatchReplay batch;

    @Test
    void replayOneHundredThousandDecisions() throws Exception {
        seed();
        ReplayThroughput.Result result = ReplayThroughput.measure(batch, new BatchReplay.Selection(null, null, null), RUNS);
        assertThat(result.decisions()).isEqualTo(jdbc.sql("select count(*) from decision_record").query(Long.class).single());
        BenchReport.main().publish(ReplayThroughput.NAME, ReplayThroughput.figures(result), ReplayThroughput.notes());
        long peakHeap = (long) (result.peakHeapMiB().stream().mapToDouble(Double::doubleValue).max().orElse(0) * 1024 * 1024);
        report(result.decisions(), result.rates(), peakHeap, Runtime.getRuntime().maxMemory());
    }

    private void seed() {
        ClockUtil.reset();
        jdbc.sql("delete from audit_trail where kind = 'BENCH'").update();
        if (jdbc.sql("select count(*) from decision_record").query(Long.class).single() >= DECISIONS) {
            return;
        }
        for (int i = 0; i < 4; i++) {
            String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("bench"),
                    Lifecycle.gettingGoingWithExtra("GOING_FURTHER", "6000", "\"ALIGNED\""), true);
            drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
            Lifecycle.on("2015-02-20");
            drive.send(id, SubmissionType.FINAL_PLAN, Lifecycle.finalPlan("10000", "12000", "30000"));
            drive.complete(id, "Task_ReviewOperationalPlan", Map.of("approved", true));
        }
        ClockUtil.reset();
        // Copies of real records: the same inputs, outputs and versions, so each replays to a MATCH.
        while (jdbc.sql("select count(*) from decision_record").query(Long.class).single() < DECISIONS) {
            jdbc.sql("""
                    insert into decision_record (id, application_id, round_code, decision, outcome, ruleset_version,
                        decision_date, inputs, outputs, fired, process_instance_id, activity_id, trigger_type,
                        triggered_by, recorded_at)
                    select cast(random_uuid() as varchar), application_id, round_code, decision, outcome,
                        ruleset_version, decision_date, inputs, outputs, fired, process_instance_id, activity_id,
                        trigger_type, triggered_by, recorded_at
                    from decision_record order by seq limit ?""")
                    .param(DECISIONS - jdbc.sql("select count(*) from decision_record").query(Long.class).single())
                    .update();
        }
    }

    private static void report(long decisions, List<Double> rates, long peakHeap, long maxHeap) throws Exception {
        double best = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double worst = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double mean = rates.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        Path dir = Files.createDirectories(Path.of("target/bench"));
        String machine = Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
        Files.writeString(dir.resolve("replay.csv"), "run,decisions,decisions_per_second\n"
                + String.join("\n", rates.stream().map(r -> decisions + "," + Math.round(r)).toList()
                .stream().map(new java.util.function.Function<String, String>() {
                    int run;

                    public String apply(String line) {
                        return (++run) + "," + line;
                    }
                }).toList()) + "\n");
        Files.writeString(dir.resolve("replay.md"), """
                # Batch replay benchmark

                Command: `./mvnw -Pbench verify` (heap capped at %s MiB by the bench profile)
                Machine: %s; H2 in a file; each page of decisions replayed on all cores.

                | decisions | runs | mean decisions/s | min | max | peak heap (sum of pool peaks, an upper bound) |
                |---|---|---|---|---|---|
                | %,d | %d | %,.0f | %,.0f | %,.0f | %,d MiB |

                Goal (issue 3): at least 5,000 decisions/s with bounded memory.
                """.formatted(maxHeap / (1024 * 1024), machine, decisions, rates.size(), mean, worst, best,
                peakHeap / (1024 * 1024)));
        System.out.println(Files.readString(dir.resolve("replay.md")));
    }
}
