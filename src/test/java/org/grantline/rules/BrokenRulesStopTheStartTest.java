package org.grantline.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.grantline.GrantlineApplication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A rule that does not compile stops the application from starting, naming file and line. */
@ExtendWith(OutputCaptureExtension.class)
class BrokenRulesStopTheStartTest {

    @Test
    void startFailsWithFileLineMessage(@TempDir Path dir, CapturedOutput output) throws IOException {
        Path round = Files.createDirectories(dir.resolve("rules/T-1"));
        for (Map.Entry<String, String> file : RulesetCompilerTest.files(Map.of("award.drl",
                RulesetCompilerTest.DECISION.replace("then", "then oops"))).files().entrySet()) {
            Files.createDirectories(round.resolve(file.getKey()).getParent());
            Files.writeString(round.resolve(file.getKey()), file.getValue());
        }
        // As main starts it: the rules are compiled on a thread of their own while Spring starts.
        SpringApplication app = GrantlineApplication.application();
        assertThatThrownBy(() -> app.run(
                "--grantline.rules-dir=" + dir.resolve("rules"),
                "--grantline.bpmn-dir=" + dir,
                "--grantline.data-dir=" + dir.resolve("data"),
                "--spring.datasource.url=jdbc:h2:mem:broken-rules",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"))
                .hasRootCauseInstanceOf(RulesetInvalidException.class);
        assertThat(output).containsPattern("T-1/award\\.drl:\\d+:\\d+: ");
    }
}
