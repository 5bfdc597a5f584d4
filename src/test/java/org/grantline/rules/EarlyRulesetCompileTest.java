package org.grantline.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EarlyRulesetCompileTest {

    private static void environmentReady(String rulesDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("grantline.rules-dir", rulesDir)));
        new EarlyRulesetCompile().onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
    }

    private static Path roundFolder(Path rules, String decision) throws IOException {
        Path round = Files.createDirectories(rules.resolve("T-1"));
        for (Map.Entry<String, String> file : RulesetCompilerTest.files(Map.of("award.drl", decision)).files().entrySet()) {
            Files.createDirectories(round.resolve(file.getKey()).getParent());
            Files.writeString(round.resolve(file.getKey()), file.getValue());
        }
        return rules;
    }

    @Test
    void theRegistryTakesTheRulesCompiledWhileTheApplicationStarted(@TempDir Path dir) throws IOException {
        Path rules = roundFolder(dir.resolve("rules"), RulesetCompilerTest.DECISION);
        environmentReady(rules.toString());
        Ruleset early = EarlyRulesetCompile.take(RulesetRegistry.normalized(rules)).orElseThrow().get("T-1");
        assertThat(early.decisions()).containsExactly("award");
        assertThat(early.version()).isEqualTo(RulesetFiles.read(rules.resolve("T-1")).version());
        // Taken once: a registry made later (a test's second context) compiles for itself.
        assertThat(EarlyRulesetCompile.take(RulesetRegistry.normalized(rules))).isEmpty();
    }

    @Test
    void aRegistryOfAnotherFolderCompilesItsOwn(@TempDir Path dir) throws IOException {
        Path rules = roundFolder(dir.resolve("rules"), RulesetCompilerTest.DECISION);
        environmentReady(rules.toString());
        Path other = roundFolder(dir.resolve("other"), RulesetCompilerTest.DECISION.replace("R1 Award", "R1 Grant"));
        RulesetRegistry registry = new RulesetRegistry(other);
        assertThat(registry.active("T-1").version()).isEqualTo(RulesetFiles.read(other.resolve("T-1")).version())
                .isNotEqualTo(RulesetFiles.read(rules.resolve("T-1")).version());
    }

    @Test
    void rulesThatDoNotCompileFailTheRegistryWithTheDesignersProblems(@TempDir Path dir) throws IOException {
        Path rules = roundFolder(dir.resolve("rules"), RulesetCompilerTest.DECISION.replace("then", "then oops"));
        environmentReady(rules.toString());
        // The early compile's own failure, as the registry gets it.
        assertThatThrownBy(() -> EarlyRulesetCompile.take(RulesetRegistry.normalized(rules)))
                .isInstanceOf(RulesetInvalidException.class)
                .satisfies(e -> assertThat(((RulesetInvalidException) e).problems())
                        .anySatisfy(p -> assertThat(p).matches("T-1/award\\.drl:\\d+:\\d+: .+")));
    }
}
