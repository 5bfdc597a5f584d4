package org.grantline.intake;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.GrantlineApplication;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in a file: an application and its process are there after a restart. */
class ApplicationsSurviveARestartIT {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void applicationAndProcessSurviveARestart(@TempDir Path data) {
        String id;
        try (ConfigurableApplicationContext first = start(data)) {
            Lifecycle.on("2014-02-10");
            id = first.getBean(Lifecycle.class).submit(Lifecycle.goodApplicationJson("restart"));
        }
        assertThat(Files.exists(data.resolve("grantline.mv.db"))).isTrue();
        try (ConfigurableApplicationContext second = start(data)) {
            assertThat(second.getBean(ApplicationRepository.class).get(id).stage()).isEqualTo("REVIEW");
            assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery()
                    .processInstanceBusinessKey(id).count()).isEqualTo(1);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplication(GrantlineApplication.class).run(
                "--grantline.data-dir=" + data,
                "--grantline.demo-users.password=restart-test",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false");
    }
}
