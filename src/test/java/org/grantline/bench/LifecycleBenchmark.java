package org.grantline.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.tasks.TaskCompletions;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lifecycle throughput on H2 in a file: grantline against the bare engine. See {@link LifecycleThroughput}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/bench/data",
        "grantline.demo-users.password=bench",
        "logging.level.org.grantline=WARN",
})
@DirtiesContext
class LifecycleBenchmark {

    static final String NAME = "Lifecycle on H2 (file)";

    @Autowired
    Lifecycle drive;
    @Autowired
    TaskCompletions tasks;
    @Autowired
    DataSource database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) {
        FreshH2.register(properties, "lifecycle");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void applicationsThroughTheWholeLifecycle() {
        List<Figure> figures;
        BareEngine.Rules rules = BareEngine.Rules.current();
        try (JfrRecording ignored = JfrRecording.start("lifecycle")) {
            figures = LifecycleThroughput.measure(NAME, new GrantlineSteps(drive, tasks), database,
                () -> BareEngine.on(FreshH2.url(Path.of("target/bench/db/lifecycle/bare")),
                        "org.h2.Driver", "sa", Path.of("bpmn/OP-2014.bpmn"), rules),
                    BenchSize.current(), BenchSize.runs(), true);
        }
        BenchReport.main().publish(NAME, figures, LifecycleThroughput.notes("H2 in a file", rules));
        // Rates, counts and times are positive; file reads may be none where H2's page cache holds a small run.
        assertThat(figures).filteredOn(f -> !f.unit().equals("reads")).allSatisfy(f -> assertThat(f.min()).isPositive());
        assertThat(figures).filteredOn(f -> f.unit().equals("reads")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.min()).isNotNegative());
    }
}
