package org.grantline.bench;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Submissions over HTTP against the running app (H2 in a file, business clock inside the OP-2014 window), then
 * the heap with every application still open, topped up to 10,000 (smoke: 100).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/bench/data",
        "grantline.demo-users.password=bench",
        "grantline.clock.start=2014-02-10T09:00",
        "logging.level.org.grantline=WARN",
})
@DirtiesContext
class HttpBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource database;

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) {
        FreshH2.register(properties, "http");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void submissionsThenHeapWithEveryApplicationOpen() throws Exception {
        BenchSize size = BenchSize.current();
        double idle = ActiveApplicationsHeap.heapAfterGcMiB();
        List<Figure> http;
        try (JfrRecording ignored = JfrRecording.start("http")) {
            http = HttpThroughput.measure(new HttpLoad("http://127.0.0.1:" + port, Lifecycle.APPLICANT, "bench"),
                    database, size, BenchSize.runs());
        }
        BenchReport.main().publish(HttpThroughput.NAME, http, HttpThroughput.notes("grantline on H2 in a file, "
                + "in the test JVM (SpringBootTest, random port), heap capped by the bench profile"));
        List<Figure> heap = new ArrayList<>(ActiveApplicationsHeap.measure(drive, jdbc, size.of(10_000, 100),
                BenchSize.runs()));
        heap.add(Figure.of(ActiveApplicationsHeap.NAME, "heap used after GC before any application", "MiB", List.of(idle)));
        BenchReport.main().publish(ActiveApplicationsHeap.NAME, heap, ActiveApplicationsHeap.notes());
        assertThat(http).filteredOn(f -> f.metric().startsWith("errors")).allSatisfy(f -> assertThat(f.max()).isZero());
        assertThat(http).filteredOn(f -> f.metric().startsWith("throughput")).allSatisfy(f -> assertThat(f.min()).isPositive());
    }
}
