package org.grantline.rules.scenarios;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.grantline.rules.DecisionEngine;
import org.grantline.rules.DecisionResult;
import org.grantline.rules.Ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the rule scenarios of a round: YAML files under {@code scenarios/}, each naming a decision, a date,
 * base facts shared by its scenarios, and per scenario the facts that differ and the expected outputs.
 * The format is described in rules/README.md.
 */
public final class ScenarioRunner {

    private static final String FACTS_PACKAGE = "org.grantline.rules.facts.";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static List<ScenarioResult> runAll(Ruleset ruleset, Path roundFolder) {
        Path folder = roundFolder.resolve("scenarios");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<ScenarioResult> results = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                results.addAll(runFile(ruleset, file.getFileName().toString(), Files.readString(file)));
            }
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ScenarioResult> runFile(Ruleset ruleset, String fileName, String content) {
        return runFile(ruleset, fileName, content,
                (scenario, result, mismatches) -> ExpectationCheck.compare(scenario.path("expect"), result, mismatches));
    }

    /** What a scenario's decision is checked against (its expectations; a test may check more). */
    interface Check {
        void check(JsonNode scenario, DecisionResult result, List<String> mismatches);
    }

    static List<ScenarioResult> runFile(Ruleset ruleset, String fileName, String content, Check check) {
        String round = ruleset.round().code();
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (IOException e) {
            return List.of(new ScenarioResult(round, fileName, "(file)", List.of("not valid YAML: " + e.getMessage())));
        }
        String decision = root.path("decision").asText(null);
        if (decision == null || !root.path("scenarios").isArray()) {
            return List.of(new ScenarioResult(round, fileName, "(file)",
                    List.of("a scenario file needs 'decision' and a list of 'scenarios'")));
        }
        List<ScenarioResult> results = new ArrayList<>();
        for (JsonNode scenario : root.get("scenarios")) {
            String name = scenario.path("name").asText("(unnamed)");
            List<String> mismatches = new ArrayList<>();
            try {
                LocalDate date = LocalDate.parse(scenario.path("date").asText(root.path("date").asText()));
                ObjectNode facts = merge(root.path("base").deepCopy(), scenario.path("facts"));
                DecisionResult result = DecisionEngine.decide(ruleset, decision, date, toFacts(facts));
                check.check(scenario, result, mismatches);
            } catch (RuntimeException e) {
                mismatches.add("could not run: " + e.getMessage());
            }
            results.add(new ScenarioResult(round, fileName, name, mismatches));
        }
        return results;
    }

    /** Scenario facts override base facts: maps merge field by field, a list replaces, null removes. */
    private static ObjectNode merge(JsonNode base, JsonNode override) {
        ObjectNode merged = base.isObject() ? (ObjectNode) base : YAML.createObjectNode();
        if (override == null || !override.isObject()) {
            return merged;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = override.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode existing = merged.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                merged.remove(field.getKey());
            } else if (existing != null && existing.isObject() && value.isObject()) {
                merged.set(field.getKey(), merge(existing, value));
            } else {
                merged.set(field.getKey(), value);
            }
        }
        return merged;
    }

    static List<Object> toFacts(ObjectNode facts) {
        List<Object> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = facts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Class<?> type;
            try {
                type = Class.forName(FACTS_PACKAGE + entry.getKey());
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("unknown fact type '" + entry.getKey() + "'");
            }
            JsonNode value = entry.getValue();
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                try {
                    result.add(YAML.treeToValue(item, type));
                } catch (IOException e) {
                    throw new IllegalArgumentException(entry.getKey() + ": " + e.getMessage());
                }
            }
        }
        return result;
    }

    private ScenarioRunner() {
    }
}
