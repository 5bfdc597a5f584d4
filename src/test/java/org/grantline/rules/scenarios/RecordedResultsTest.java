package org.grantline.rules.scenarios;

import org.grantline.decisions.Explanation;
import org.grantline.decisions.RecordedOutputs;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetRegistry;
import org.grantline.trail.CanonicalJson;
import org.grantline.workflow.RuleTask;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task form shows a decision's summary and values made from its record (LiveForms), no longer from the decision
 * as it was taken: for every rule scenario of every round, the decision read back from what its record stores gives
 * the same summary, the same values as process variables would hold them, and the same outputs.
 */
class RecordedResultsTest {

    @TestFactory
    List<DynamicContainer> everyScenariosDecisionReadsBackFromItsRecordAsItWasTaken() throws IOException {
        List<DynamicContainer> rounds = new ArrayList<>();
        for (Path folder : RulesetRegistry.roundFolders(Path.of("rules"))) {
            Ruleset ruleset = new RulesetCompiler().compile(RulesetFiles.read(folder));
            List<ScenarioResult> results = new ArrayList<>();
            try (Stream<Path> files = Files.list(folder.resolve("scenarios"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    results.addAll(ScenarioRunner.runFile(ruleset, file.getFileName().toString(),
                            Files.readString(file), (scenario, taken, mismatches) -> compare(taken, mismatches)));
                }
            }
            assertThat(results).as("scenarios of " + folder).hasSizeGreaterThan(10);
            rounds.add(DynamicContainer.dynamicContainer(ruleset.round().code(), results.stream()
                    .map(r -> DynamicTest.dynamicTest(r.file() + ": " + r.name(),
                            () -> assertThat(r.mismatches()).as(r.toString()).isEmpty()))));
        }
        assertThat(rounds).hasSize(3);
        return rounds;
    }

    private static void compare(DecisionResult taken, List<String> mismatches) {
        DecisionResult recorded = RecordedOutputs.read(taken.roundCode(), taken.decision(), taken.rulesetVersion(),
                taken.decisionDate(), CanonicalJson.write(RecordedOutputs.of(taken)), CanonicalJson.write(taken.fired()));
        if (!Explanation.summary(recorded).equals(Explanation.summary(taken))) {
            mismatches.add("summary from the record: " + Explanation.summary(recorded) + "; as taken: "
                    + Explanation.summary(taken));
        }
        if (!asShown(recorded.values()).equals(asShown(taken.values()))) {
            mismatches.add("values from the record " + asShown(recorded.values()) + ", as taken "
                    + asShown(taken.values()));
        }
        if (!CanonicalJson.write(RecordedOutputs.of(recorded)).equals(CanonicalJson.write(RecordedOutputs.of(taken)))
                || !recorded.fired().equals(taken.fired()) || !recorded.outcome().equals(taken.outcome())) {
            mismatches.add("outputs or fired rules differ once read back");
        }
    }

    /**
     * Each value as a process variable would hold it, in words: JSON does not tell a decimal without a fraction
     * from a whole number ({@code adviceDays} 1 comes back a long, not the text "1"), which a form field of either
     * type shows alike.
     */
    private static Map<String, String> asShown(Map<String, Object> values) {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((name, value) -> shown.put(name, String.valueOf(RuleTask.asVariable(value))));
        return shown;
    }
}
