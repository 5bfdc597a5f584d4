package org.grantline.rules;

import org.grantline.GrantlineApplication;
import org.grantline.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rules a node decides with after a restart: the version in force stays unless the node is allowed to
 * put its changed rules folder in force at start (the embedded default), and then only when the folder's
 * scenarios pass.
 */
class RulesInForceAtStartIT {

    @Test
    void aChangedFolderGoesIntoForceAtStartOnlyWhenAllowed(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        String first;
        try (ConfigurableApplicationContext node = start(dir, true)) {
            first = node.getBean(RulesetRegistry.class).active("OP-2014").version();
        }
        Path eligibility = rules.resolve("OP-2014/eligibility.drl");
        Files.writeString(eligibility, Files.readString(eligibility) + "\n// changed while the node was down\n");

        try (ConfigurableApplicationContext node = start(dir, false)) {
            assertThat(node.getBean(RulesetRegistry.class).active("OP-2014").version())
                    .as("a production node keeps the version in force").isEqualTo(first);
        }
        String second;
        try (ConfigurableApplicationContext node = start(dir, true)) {
            second = node.getBean(RulesetRegistry.class).active("OP-2014").version();
            assertThat(second).isNotEqualTo(first);
            assertThat(node.getBean(RulesetActivations.class).history("OP-2014"))
                    .extracting(RulesetActivations.Activation::version).containsExactly(second, first);
        }

        Path budget = rules.resolve("OP-2014/parameters/budget.yaml");
        Files.writeString(budget, Files.readString(budget).replace("2014-01-01: 3500000", "2014-01-01: 9000"));
        SpringApplication refused = application();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.run(arguments(dir, true)))
                .hasRootCauseInstanceOf(RulesetInvalidException.class)
                .rootCause().hasMessageContaining("scenarios").hasMessageContaining("F6");
        try (ConfigurableApplicationContext node = start(dir, false)) {
            assertThat(node.getBean(RulesetRegistry.class).active("OP-2014").version()).isEqualTo(second);
        }
    }

    private static ConfigurableApplicationContext start(Path dir, boolean deployOnStart) {
        return application().run(arguments(dir, deployOnStart));
    }

    private static SpringApplication application() {
        return new SpringApplication(GrantlineApplication.class);
    }

    private static String[] arguments(Path dir, boolean deployOnStart) {
        return new String[]{
                "--grantline.data-dir=" + dir.resolve("data"),
                "--grantline.rules-dir=" + dir.resolve("rules"),
                "--grantline.rules.deploy-on-start=" + deployOnStart,
                "--grantline.demo-users.password=start-test",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false"};
    }
}
