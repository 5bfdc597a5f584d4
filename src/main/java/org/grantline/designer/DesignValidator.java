package org.grantline.designer;

import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetInvalidException;
import org.grantline.rules.scenarios.ScenarioResult;
import org.grantline.rules.scenarios.ScenarioRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates a rules folder and a bpmn folder together: compiles every round's rules, loads its parameters,
 * parses every diagram, checks each round's process exists, and runs every rule scenario. One report.
 */
public final class DesignValidator {

    private final BpmnParser bpmn;

    public DesignValidator(BpmnParser bpmn) {
        this.bpmn = bpmn;
    }

    public ValidationReport validate(Path rulesDir, Path bpmnDir) {
        List<ValidationReport.Finding> problems = new ArrayList<>();
        Map<String, List<String>> processKeys = diagrams(bpmnDir, problems);
        int run = 0;
        int failed = 0;
        for (Path folder : roundFolders(rulesDir)) {
            Ruleset ruleset;
            try {
                ruleset = new RulesetCompiler().compile(RulesetFiles.read(folder));
            } catch (RulesetInvalidException e) {
                e.problems().forEach(p -> problems.add(finding(p)));
                continue;
            }
            String key = ruleset.round().processKey();
            if (processKeys.values().stream().noneMatch(keys -> keys.contains(key))) {
                problems.add(new ValidationReport.Finding("ROUND", folder.getFileName() + "/round.yaml",
                        "process '" + key + "' is not defined by any diagram in " + bpmnDir));
            }
            for (ScenarioResult result : ScenarioRunner.runAll(ruleset, folder)) {
                run++;
                if (!result.passed()) {
                    failed++;
                    problems.add(new ValidationReport.Finding("SCENARIO", folder.getFileName() + "/scenarios/"
                            + result.file() + " \"" + result.name() + "\"", String.join("; ", result.mismatches())));
                }
            }
        }
        return new ValidationReport(problems, run, failed);
    }

    /** "OP-2014/parameters/x.yaml: key: message" is a parameter problem; anything else a rule problem. */
    private static ValidationReport.Finding finding(String problem) {
        int split = problem.indexOf(": ");
        String where = split < 0 ? "" : problem.substring(0, split);
        String message = split < 0 ? problem : problem.substring(split + 2);
        return new ValidationReport.Finding(where.contains("parameters/") ? "PARAMETERS" : "RULES", where, message);
    }

    private Map<String, List<String>> diagrams(Path bpmnDir, List<ValidationReport.Finding> problems) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(bpmnDir)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                String xml = Files.readString(file);
                String name = file.getFileName().toString();
                bpmn.parse(name, xml).forEach(p -> problems.add(new ValidationReport.Finding("BPMN", name, p)));
                keys.put(name, bpmn.processKeys(xml));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + bpmnDir, e);
        }
        return keys;
    }

    private static List<Path> roundFolders(Path rulesDir) {
        try (Stream<Path> children = Files.list(rulesDir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("round.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + rulesDir, e);
        }
    }
}
