package org.grantline.workflow;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.grantline.clock.BusinessClock;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Deploys the diagrams in the bpmn folder at start (an unchanged file is not deployed again, so running
 * instances keep their version), checks that every loaded round has its process, and keeps each round's
 * ruleset version in the database.
 */
@Component
public class ProcessDeployer implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final RulesetRegistry rulesets;
    private final PaymentLedger ledger;
    private final RulesetVersions versions;
    private final BusinessClock clock;
    private final Path bpmnDir;

    ProcessDeployer(RepositoryService repository, RulesetRegistry rulesets, PaymentLedger ledger,
                    RulesetVersions versions, BusinessClock clock, @Value("${grantline.bpmn-dir}") Path bpmnDir) {
        this.repository = repository;
        this.rulesets = rulesets;
        this.ledger = ledger;
        this.versions = versions;
        this.clock = clock;
        this.bpmnDir = bpmnDir.toAbsolutePath().normalize();
    }

    @Override
    public void afterPropertiesSet() {
        List<Path> diagrams = diagrams();
        DeploymentBuilder deployment = repository.createDeployment().name("grantline")
                .enableDuplicateFiltering(true).source(bpmnDir.toString());
        for (Path diagram : diagrams) {
            try {
                deployment.addString(diagram.getFileName().toString(), Files.readString(diagram));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        deployment.deploy();
        for (Ruleset ruleset : rulesets.all()) {
            String key = ruleset.round().processKey();
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("round " + ruleset.round().code() + " runs process '" + key
                        + "' but no diagram in " + bpmnDir + " defines it");
            }
            ledger.ensureRound(ruleset.round().code(), clock.now());
            versions.register(ruleset, "start-up from " + rulesets.rulesDir(), clock.now());
            log.info("Round {} runs process {} version {}", ruleset.round().code(), key, definition.getVersion());
        }
    }

    private List<Path> diagrams() {
        try (Stream<Path> files = Files.list(bpmnDir)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bpmn folder " + bpmnDir, e);
        }
    }
}
