package org.grantline.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.PostgresDatabase;
import org.grantline.tasks.TaskCompletions;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifecycle throughput on the machine's PostgreSQL, in the production profile: grantline and the bare engine
 * each on a fresh database. Skipped, with a message in the report, where no PostgreSQL is reachable.
 */
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/bench/pg-data",
        "grantline.admin.password=bench",
        "grantline.demo-users.enabled=true",
        "grantline.demo-users.password=bench",
        "logging.level.org.grantline=WARN",
})
@DirtiesContext
class LifecycleOnPostgresBenchmark {

    static final String NAME = "Lifecycle on PostgreSQL";

    @Autowired
    Lifecycle drive;
    @Autowired
    TaskCompletions tasks;
    @Autowired
    DataSource database;

    @BeforeAll
    static void postgresReachable() {
        String server = BenchEnvironment.postgresServer();
        if (server.startsWith("not reachable")) {
            BenchReport.main().publish(NAME, List.of(), List.of("Skipped: PostgreSQL is " + server + "."));
            Assumptions.abort("PostgreSQL is " + server + "; the PostgreSQL lifecycle benchmark is skipped");
        }
    }

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
        properties.add("grantline.rules-dir", () -> RoomyRules.prepare().toString());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void applicationsThroughTheWholeLifecycle() {
        List<Figure> figures;
        BareEngine.Rules rules = BareEngine.Rules.current();
        JdbcTemplate server = new JdbcTemplate(database);
        String autovacuum = server.queryForObject("show autovacuum", String.class);
        String trackCounts = server.queryForObject("show track_counts", String.class);
        try (JfrRecording ignored = JfrRecording.start("lifecycle-on-postgres")) {
            figures = LifecycleThroughput.measure(NAME, new GrantlineSteps(drive, tasks), null,
                    () -> BareEngine.on(PostgresDatabase.SERVER + PostgresDatabase.create("grantline_bench_bare"),
                            "org.postgresql.Driver", PostgresDatabase.USER, Path.of("bpmn/OP-2014.bpmn"), rules),
                    BenchSize.current(), BenchSize.runs(), false);
        }
        List<String> notes = new ArrayList<>(LifecycleThroughput.notes("PostgreSQL "
                + BenchEnvironment.postgresServer() + " at 127.0.0.1 (fresh databases, dropped at the end)", rules));
        notes.add("grantline runs in the production profile (postgres) here, with the demo users switched on for the driver.");
        // Analysing by hand between runs was tried and misleads: Camunda's runtime tables are empty then (fix 48).
        notes.add("The server's autovacuum is " + autovacuum + ", its track_counts " + trackCounts + ": "
                + ("on".equals(autovacuum) && "on".equals(trackCounts)
                ? "it analyses and vacuums both databases' tables as they change, during the timed runs too."
                : "no table of either database is analysed or vacuumed during the benchmark, so both engines' "
                        + "plans are made as for empty tables."));
        BenchReport.main().publish(NAME, figures, notes);
        assertThat(figures).allSatisfy(f -> assertThat(f.min()).isPositive());
    }
}
