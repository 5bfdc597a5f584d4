package org.grantline.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.TestFiles;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
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
    /** H2 settings for both engines alike, to try one (e.g. -Dbench.h2.options=;QUERY_CACHE_SIZE=256). */
    static final String H2_OPTIONS = System.getProperty("bench.h2.options", "");

    @Autowired
    Lifecycle drive;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) throws IOException {
        Path dir = Path.of("target/bench/db/lifecycle");
        if (Files.exists(dir)) {
            TestFiles.deleteTree(dir);
        }
        properties.add("spring.datasource.url", () -> "jdbc:h2:file:./" + dir + "/grantline;DB_CLOSE_ON_EXIT=FALSE" + H2_OPTIONS);
        properties.add("grantline.rules-dir", () -> RoomyRules.prepare().toString());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void applicationsThroughTheWholeLifecycle() {
        List<Figure> figures;
        try (JfrRecording ignored = JfrRecording.start("lifecycle")) {
            figures = LifecycleThroughput.measure(NAME, new GrantlineSteps(drive),
                () -> BareEngine.on("jdbc:h2:file:./target/bench/db/lifecycle/bare;DB_CLOSE_ON_EXIT=FALSE" + H2_OPTIONS,
                        "org.h2.Driver", "sa", Path.of("bpmn/OP-2014.bpmn")),
                    BenchSize.current(), BenchSize.runs(), true);
        }
        BenchReport.main().publish(NAME, figures, LifecycleThroughput.notes("H2 in a file"));
        assertThat(figures).allSatisfy(f -> assertThat(f.min()).isPositive());
    }
}
