package org.grantline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.grantline.parameters.ParameterFileLoader;
import org.grantline.parameters.ParameterStore;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;
import org.kie.api.definition.KiePackage;
import org.drools.compiler.builder.InternalKnowledgeBuilder;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Compiles one round folder into a {@link Ruleset}. Each top-level {@code <decision>.drl} becomes a KieBase
 * of that name, together with every {@code shared/*.drl}; all are compiled in one pass so a designer sees
 * every error at once, each as {@code file:line:column: message}.
 */
public final class RulesetCompiler {

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KieServices KIE = KieServices.Factory.get();
    /** The one KieBase of the compile, holding every package; decisions get KieBases of their own. */
    private static final String ALL_PACKAGES = "all-packages";
    private static final ClassLoader CLASS_PATH = new ClasspathLookupCache(RulesetCompiler.class.getClassLoader());

    public Ruleset compile(RulesetFiles files) {
        List<String> problems = new ArrayList<>();
        RoundDefinition round = readRound(files, problems);
        Map<String, String> parameterFiles = new LinkedHashMap<>();
        files.matching("parameters/", ".yaml").forEach((path, content) ->
                parameterFiles.put(files.folderName() + "/" + path, content));
        ParameterStore parameters = ParameterFileLoader.load(parameterFiles, problems);

        Map<String, String> kiePathToFile = new LinkedHashMap<>();
        Map<String, String> decisionPackages = new LinkedHashMap<>();
        Set<String> sharedPackages = new TreeSet<>();
        KieFileSystem kfs = KIE.newKieFileSystem();
        files.matching("", ".drl").forEach((path, content) -> {
            Matcher matcher = PACKAGE.matcher(content);
            if (!matcher.find()) {
                problems.add(files.folderName() + "/" + path + ":1: a rule file must start with a package declaration");
                return;
            }
            String pkg = matcher.group(1);
            String resourcePath = pkg.replace('.', '/') + "/" + path.replace('/', '_');
            kiePathToFile.put(resourcePath, files.folderName() + "/" + path);
            kfs.write("src/main/resources/" + resourcePath, content);
            if (path.startsWith("shared/")) {
                sharedPackages.add(pkg);
            } else if (!path.contains("/")) {
                decisionPackages.put(path.substring(0, path.length() - ".drl".length()), pkg);
            } else {
                problems.add(path + ": rule files go in the round folder (one per decision) or in shared/");
            }
        });
        if (decisionPackages.isEmpty()) {
            problems.add(files.folderName() + ": no decision files (<decision>.drl) found");
        }
        int beforePackageCheck = problems.size();
        checkPackagesAreDistinct(decisionPackages, sharedPackages, problems);
        if (decisionPackages.isEmpty() || problems.size() > beforePackageCheck) {
            // Without a sound set of packages there is nothing to compile; other problems are reported with these.
            throw new RulesetInvalidException(files.folderName(), problems);
        }

        ReleaseId releaseId = KIE.newReleaseId("org.grantline.rules", safeArtifactId(files.folderName()),
                "0.0.0-" + files.version().substring(0, 16));
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(kmodule(decisionPackages, sharedPackages));
        KieBuilder builder = KIE.newKieBuilder(kfs, CLASS_PATH).buildAll();
        // A designer needs each problem once, however often Drools repeats it.
        Set<String> compileErrors = new LinkedHashSet<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            String file = kiePathToFile.getOrDefault(message.getPath(), message.getPath());
            compileErrors.add(file + ":" + message.getLine() + ":" + message.getColumn() + ": "
                    + message.getText().replace('\n', ' ').trim());
        }
        problems.addAll(compileErrors);
        if (!problems.isEmpty()) {
            throw new RulesetInvalidException(files.folderName(), problems);
        }
        Map<String, KieBase> kieBases;
        try {
            kieBases = decisionKieBases(builder, files.folderName(), decisionPackages, sharedPackages);
        } finally {
            // buildAll registers the module in Drools' global repository; nothing reads it from there, so it
            // would only hold every compile's sources and classes for as long as the JVM runs.
            KIE.getRepository().removeKieModule(releaseId);
        }
        return new Ruleset(round, files, kieBases, parameters);
    }

    /**
     * The compile put every package in one KieBase, so each file was compiled once; a decision's KieBase is put
     * together from the compiled packages, its own and the shared ones. The packages are used as they are, not
     * copied: the KieBases load classes through the compile's own class loader.
     */
    private static Map<String, KieBase> decisionKieBases(KieBuilder builder, String folderName,
                                                         Map<String, String> decisionPackages,
                                                         Set<String> sharedPackages) {
        // Drools gives an empty builder where no file landed in the KieBase; then every decision is missing below.
        InternalKnowledgeBuilder compiled = (InternalKnowledgeBuilder) ((InternalKieModule) builder.getKieModule())
                .getKnowledgeBuilderForKieBase(ALL_PACKAGES);
        Map<String, KiePackage> packages = new LinkedHashMap<>();
        compiled.getKnowledgePackages().forEach(pkg -> packages.put(pkg.getName(), pkg));
        // The package names were read from the files' first package line; a decision without its package (one
        // named in a comment, say) would decide with no rules of its own.
        List<String> missing = new ArrayList<>();
        decisionPackages.forEach((decision, pkg) -> {
            if (!packages.containsKey(pkg)) {
                missing.add(folderName + "/" + decision + ".drl: package " + pkg + " was not compiled; the file's "
                        + "first line starting with 'package' must be its package declaration");
            }
        });
        if (!missing.isEmpty()) {
            throw new RulesetInvalidException(folderName, missing);
        }
        Map<String, KieBase> kieBases = new LinkedHashMap<>();
        decisionPackages.forEach((decision, pkg) -> {
            List<KiePackage> included = Stream.concat(Stream.of(pkg), sharedPackages.stream())
                    .map(packages::get).filter(Objects::nonNull).toList();
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(decision,
                    unshared(compiled.getRootClassLoader()));
            kieBase.addPackages(included);
            kieBases.put(decision, kieBase);
        });
        return kieBases;
    }

    /**
     * Drools 10.2 loses activations when rules share beta nodes: a verdict {@code exists Failure() not
     * Failure(clause == "E9")} whose {@code exists} node is shared with a NO-AWARD rule never fires after a
     * clause inserts its Failure (RulesetCompilerTest shows it). Rule bases here are small, so every rule
     * keeps its own join nodes; alpha nodes (simple tests on one fact) are still shared.
     * <p>
     * A compiled ruleset is never changed (a new version is a new compile), so its KieBases are immutable:
     * their sessions keep facts in one identity map instead of a store per fact class, which every decision
     * built again (docs/benchmarks.md, fix 15). Such a session drops a fact that no pattern accepted when it was
     * inserted, so {@link DecisionEngine} collects a decision's outputs as they are inserted, not from working
     * memory.
     */
    private static KieBaseConfiguration unshared(ClassLoader compiledWith) {
        KieBaseConfiguration configuration = KIE.newKieBaseConfiguration(null, compiledWith);
        configuration.setProperty("drools.shareBetaNodes", "false");
        configuration.setOption(KieBaseMutabilityOption.DISABLED);
        return configuration;
    }

    private static void checkPackagesAreDistinct(Map<String, String> decisions, Set<String> shared,
                                                 List<String> problems) {
        Map<String, String> seen = new LinkedHashMap<>();
        decisions.forEach((decision, pkg) -> {
            String other = seen.putIfAbsent(pkg, decision);
            if (other != null || shared.contains(pkg)) {
                problems.add(decision + ".drl: package " + pkg + " is used by another rule file; "
                        + "give each decision its own package");
            }
        });
    }

    private static String kmodule(Map<String, String> decisions, Set<String> shared) {
        Set<String> packages = new LinkedHashSet<>(decisions.values());
        packages.addAll(shared);
        return "<kmodule xmlns=\"http://www.drools.org/xsd/kmodule\"><kbase name=\"" + ALL_PACKAGES
                + "\" packages=\"" + String.join(",", packages) + "\"/></kmodule>";
    }

    private static RoundDefinition readRound(RulesetFiles files, List<String> problems) {
        String content = files.files().get("round.yaml");
        if (content == null) {
            problems.add(files.folderName() + "/round.yaml: missing (code, name, process)");
            return null;
        }
        try {
            JsonNode node = YAML.readTree(content);
            List<String> missing = new ArrayList<>();
            for (String field : List.of("code", "name", "process")) {
                if (node == null || !node.hasNonNull(field)) {
                    missing.add(field);
                }
            }
            if (!missing.isEmpty()) {
                problems.add("round.yaml: missing " + String.join(", ", missing));
                return null;
            }
            return new RoundDefinition(node.get("code").asText(), node.get("name").asText(),
                    node.get("process").asText(), node.path("programme").asText(node.get("name").asText()),
                    funnel(node.path("funnel"), problems));
        } catch (IOException e) {
            problems.add("round.yaml: not valid YAML: " + e.getMessage());
            return null;
        }
    }

    /** The funnel steps of round.yaml; without any, the funnel is just the applications. */
    private static List<RoundDefinition.FunnelStep> funnel(JsonNode steps, List<String> problems) {
        if (steps.isMissingNode() || steps.isNull()) {
            return List.of(new RoundDefinition.FunnelStep("Applications", null, null, null, null, null));
        }
        List<RoundDefinition.FunnelStep> funnel = new ArrayList<>();
        if (!steps.isArray() || steps.isEmpty()) {
            problems.add("round.yaml: funnel: a list of steps ({label: ..., award|submission|decision+outcome|stages: ...})");
            return funnel;
        }
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            String where = "round.yaml: funnel[" + i + "]: ";
            long criteria = java.util.stream.Stream.of("award", "submission", "decision", "stages").filter(step::has).count();
            if (!step.hasNonNull("label")) {
                problems.add(where + "'label' is missing");
            } else if (criteria > 1) {
                problems.add(where + "give at most one of award, submission, decision, stages");
            } else if (step.has("decision") != step.has("outcome")) {
                problems.add(where + "'decision' and 'outcome' go together");
            } else if (step.has("stages") && !step.get("stages").isArray()) {
                problems.add(where + "'stages' is a list");
            } else {
                List<String> stages = new ArrayList<>();
                step.path("stages").forEach(stage -> stages.add(stage.asText()));
                funnel.add(new RoundDefinition.FunnelStep(step.get("label").asText(), text(step, "award"),
                        text(step, "submission"), text(step, "decision"), text(step, "outcome"), stages));
            }
        }
        return funnel;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String safeArtifactId(String folder) {
        return folder.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
