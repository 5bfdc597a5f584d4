package org.grantline.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.grantline.clock.BusinessClock;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetActivations;
import org.grantline.rules.RulesetRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deploys diagrams: the bpmn folder at start, and designers' deployments while running. An unchanged
 * diagram is not deployed again and a changed one becomes a new version of its process, so running
 * instances stay on the version they started with. At start it also settles which ruleset each round
 * uses and checks that every round's process exists.
 */
@Component
public class ProcessDeployer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    /** Camunda compares a deployment with the previous one of the same name and source to skip unchanged files. */
    private static final String DEPLOYMENT = "grantline";

    private final RepositoryService repository;
    private final RulesetRegistry rulesets;
    private final RulesetActivations activations;
    private final PaymentLedger ledger;
    private final BusinessClock clock;
    private final Path bpmnDir;

    ProcessDeployer(RepositoryService repository, RulesetRegistry rulesets, RulesetActivations activations,
                    PaymentLedger ledger, BusinessClock clock, @Value("${grantline.bpmn-dir}") Path bpmnDir) {
        this.repository = repository;
        this.rulesets = rulesets;
        this.activations = activations;
        this.ledger = ledger;
        this.clock = clock;
        this.bpmnDir = bpmnDir.toAbsolutePath().normalize();
    }

    @Override
    public void afterPropertiesSet() {
        deploy(diagrams(bpmnDir));
        activations.settleAtStart(clock.now());
        for (Ruleset ruleset : rulesets.all()) {
            ProcessDefinition definition = requireProcess(ruleset);
            ledger.ensureRound(ruleset.round().code(), clock.now());
            log.info("Round {} runs process {} version {}", ruleset.round().code(), definition.getKey(),
                    definition.getVersion());
        }
    }

    /** A process definition as deployed: new, or the unchanged one already in force. */
    public record DeployedProcess(String key, int version, String id, String resource, boolean isNew) {
    }

    /** Deploys the diagrams (file name to XML) in the caller's transaction; the latest definition of each. */
    public List<DeployedProcess> deploy(Map<String, String> diagrams) {
        if (diagrams.isEmpty()) {
            return List.of();
        }
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT).source(DEPLOYMENT)
                .enableDuplicateFiltering(true);
        diagrams.forEach(deployment::addString);
        DeploymentWithDefinitions deployed = deployment.deployWithResult();
        List<String> fresh = deployed.getDeployedProcessDefinitions() == null ? List.of()
                : deployed.getDeployedProcessDefinitions().stream().map(ProcessDefinition::getId).toList();
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .filter(d -> diagrams.containsKey(d.getResourceName()))
                .map(d -> new DeployedProcess(d.getKey(), d.getVersion(), d.getId(), d.getResourceName(),
                        fresh.contains(d.getId())))
                .toList();
    }

    public ProcessDefinition requireProcess(Ruleset ruleset) {
        String key = ruleset.round().processKey();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("round " + ruleset.round().code() + " runs process '" + key
                    + "' but no deployed diagram defines it (bpmn folder: " + bpmnDir + ")");
        }
        return definition;
    }

    /** The .bpmn files of a folder, by file name. */
    public static Map<String, String> diagrams(Path folder) {
        Map<String, String> diagrams = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
                diagrams.put(file.getFileName().toString(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bpmn folder " + folder, e);
        }
        return diagrams;
    }

    public Path bpmnDir() {
        return bpmnDir;
    }
}
