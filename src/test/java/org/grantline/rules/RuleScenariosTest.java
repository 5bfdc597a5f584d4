package org.grantline.rules;

import org.grantline.rules.scenarios.ScenarioResult;
import org.grantline.rules.scenarios.ScenarioRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every rule scenario under rules/&lt;round&gt;/scenarios against the rules on disk: one JUnit test
 * per scenario, named as the designer named it.
 */
class RuleScenariosTest {

    static final Path RULES = Path.of("rules");

    @TestFactory
    List<DynamicContainer> everyScenarioOfEveryRound() {
        List<DynamicContainer> rounds = new ArrayList<>();
        for (Path folder : RulesetRegistry.roundFolders(RULES)) {
            Ruleset ruleset = new RulesetCompiler().compile(RulesetFiles.read(folder));
            List<ScenarioResult> results = ScenarioRunner.runAll(ruleset, folder);
            assertThat(results).as("scenarios of " + folder).isNotEmpty();
            rounds.add(DynamicContainer.dynamicContainer(ruleset.round().code(), results.stream()
                    .map(r -> DynamicTest.dynamicTest(r.file() + ": " + r.name(),
                            () -> assertThat(r.mismatches()).as(r.toString()).isEmpty()))));
        }
        assertThat(rounds).isNotEmpty();
        return rounds;
    }
}
