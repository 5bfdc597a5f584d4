package org.grantline.designer;

import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetInvalidException;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.scenarios.ScenarioResult;
import org.grantline.rules.scenarios.ScenarioRunner;
import org.grantline.workflow.ProcessDeployer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a rules folder and a bpmn folder together: compiles every round's rules, loads its parameters,
 * parses every diagram, checks each round's process exists, and runs every rule scenario. One report.
 */
public final class DesignValidator {

    private final BpmnParser bpmn;

    public DesignValidator(BpmnParser bpmn) {
        this.bpmn = bpmn;
    }

    /** The report, the rulesets that compiled and the diagrams read: what a deployment would put in force. */
    public record Checked(ValidationReport report, List<Ruleset> rulesets, Map<String, String> diagrams) {
    }

    public ValidationReport validate(Path rulesDir, Path bpmnDir) {
        return check(rulesDir, bpmnDir).report();
    }

    public Checked check(Path rulesDir, Path bpmnDir) {
        List<ValidationReport.Finding> problems = new ArrayList<>();
        Map<String, String> diagrams = Files.isDirectory(bpmnDir) ? ProcessDeployer.diagrams(bpmnDir) : Map.of();
        Map<String, List<String>> processKeys = parse(diagrams, problems);
        List<Ruleset> rulesets = new ArrayList<>();
        int run = 0;
        int failed = 0;
        List<Path> folders = Files.isDirectory(rulesDir) ? RulesetRegistry.roundFolders(rulesDir) : List.of();
        if (folders.isEmpty()) {
            problems.add(new ValidationReport.Finding("ROUND", rulesDir.getFileName() + "/",
                    "no round folder (a folder with a round.yaml) to validate"));
        }
        for (Path folder : folders) {
            Ruleset ruleset;
            try {
                ruleset = new RulesetCompiler().compile(RulesetFiles.read(folder));
            } catch (RulesetInvalidException e) {
                e.problems().forEach(p -> problems.add(finding(p)));
                continue;
            }
            rulesets.add(ruleset);
            String key = ruleset.round().processKey();
            if (processKeys.values().stream().noneMatch(keys -> keys.contains(key))) {
                problems.add(new ValidationReport.Finding("ROUND", folder.getFileName() + "/round.yaml",
                        "process '" + key + "' is not defined by any diagram in " + bpmnDir.getFileName() + "/"));
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
        return new Checked(new ValidationReport(problems, run, failed), rulesets, diagrams);
    }

    /** "ROUND/parameters/x.yaml: key: message" is a parameter problem; anything else a rule problem. */
    private static ValidationReport.Finding finding(String problem) {
        int split = problem.indexOf(": ");
        String where = split < 0 ? "" : problem.substring(0, split);
        String message = split < 0 ? problem : problem.substring(split + 2);
        return new ValidationReport.Finding(where.contains("parameters/") ? "PARAMETERS" : "RULES", where, message);
    }

    private Map<String, List<String>> parse(Map<String, String> diagrams, List<ValidationReport.Finding> problems) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        diagrams.forEach((name, xml) -> {
            bpmn.parse(name, xml).forEach(p -> problems.add(new ValidationReport.Finding("BPMN", name, p)));
            keys.put(name, bpmn.processKeys(xml));
        });
        return keys;
    }
}
