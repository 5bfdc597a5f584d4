package org.grantline.designer;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.grantline.database.TimeOrderedIds;
import org.grantline.audit.BatchReplay;
import org.grantline.audit.ReplaySummary;
import org.grantline.clock.BusinessClock;
import org.grantline.payments.PaymentLedger;
import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetActivations;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.AuditTrail;
import org.grantline.workflow.ProcessDeployer;
import org.grantline.workflow.ProcessDeployer.DeployedProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Designers' deployments while grantline runs. A design is validated whole (rules compile, parameters load,
 * diagrams parse, every scenario passes); only then, in one transaction, are changed diagrams deployed as new
 * process versions and changed rulesets put in force. A refused design changes nothing: the rulesets in force
 * keep deciding throughout. Also weighs a candidate before it is deployed, by replaying the round's recorded
 * decisions against it.
 */
@Service
public class DesignDeployments {

    private static final Logger log = LoggerFactory.getLogger(DesignDeployments.class);
    static final int MAX_CHANGES_LISTED = 200;

    private final DesignValidator validator;
    private final RulesetRegistry registry;
    private final RulesetActivations activations;
    private final RulesetVersions versions;
    private final ProcessDeployer processes;
    private final PaymentLedger ledger;
    private final AuditTrail trail;
    private final BatchReplay replay;
    private final BusinessClock clock;
    private final TransactionTemplate transaction;

    DesignDeployments(ProcessEngine engine, RulesetRegistry registry, RulesetActivations activations,
                      RulesetVersions versions, ProcessDeployer processes, PaymentLedger ledger, AuditTrail trail, BatchReplay replay,
                      BusinessClock clock, TransactionTemplate transaction) {
        this.validator = new DesignValidator(
                new EngineBpmnParser((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()));
        this.registry = registry;
        this.activations = activations;
        this.versions = versions;
        this.processes = processes;
        this.ledger = ledger;
        this.trail = trail;
        this.replay = replay;
        this.clock = clock;
        this.transaction = transaction;
    }

    public ValidationReport validate(DesignSource source) {
        return validator.validate(source.rulesDir(), source.bpmnDir());
    }

    /** What a deployment put in force. */
    public record Deployment(String status, String source, String deployedBy, Instant deployedAt,
                             List<RoundChange> rounds, List<DeployedProcess> processes, ValidationReport report) {
    }

    public record RoundChange(String round, String previousVersion, String version, boolean changed) {
    }

    /** One deployment at a time on this node; across nodes the audit trail's lock orders them. */
    public synchronized Deployment deploy(DesignSource source, String by) {
        long started = System.nanoTime();
        DesignValidator.Checked checked = validator.check(source.rulesDir(), source.bpmnDir());
        if (!checked.report().valid()) {
            log.warn("Deployment by {} from {} refused: {} problem(s)", by, source.description(),
                    checked.report().problems().size());
            throw new DeploymentRefusedException(checked.report());
        }
        Instant now = clock.now();
        Deployment deployment = transaction.execute(status -> {
            trail.lock();
            List<DeployedProcess> deployed = processes.deploy(checked.diagrams());
            List<RoundChange> rounds = new ArrayList<>();
            for (Ruleset ruleset : checked.rulesets()) {
                String round = ruleset.round().code();
                String previous = registry.hasRound(round) ? registry.active(round).version() : null;
                boolean changed = !ruleset.version().equals(previous);
                if (changed) {
                    activations.activate(ruleset, by, source.description(), now);
                    ledger.ensureRound(round, now);
                }
                rounds.add(new RoundChange(round, previous, ruleset.version(), changed));
            }
            boolean anything = deployed.stream().anyMatch(DeployedProcess::isNew)
                    || rounds.stream().anyMatch(RoundChange::changed);
            Deployment result = new Deployment(anything ? "DEPLOYED" : "UNCHANGED", source.description(), by, now,
                    rounds, deployed, checked.report());
            if (anything) {
                trail.append(AuditTrail.DEPLOYMENT, TimeOrderedIds.next(), null, by, now, content(result));
            }
            return result;
        });
        log.info("Deployment by {} from {}: {} in {} ms (rounds {}, processes {})", by, source.description(),
                deployment.status(), (System.nanoTime() - started) / 1_000_000, deployment.rounds(),
                deployment.processes());
        return deployment;
    }

    /**
     * Puts a kept version back in force for its round (a roll-back). It was validated when first deployed;
     * its round's process must still be deployed.
     */
    public synchronized Deployment restore(String version, String by) {
        Ruleset ruleset = versions.ruleset(version);
        processes.requireProcess(ruleset);
        String round = ruleset.round().code();
        Instant now = clock.now();
        return transaction.execute(status -> {
            trail.lock();
            String previous = registry.hasRound(round) ? registry.active(round).version() : null;
            boolean changed = !version.equals(previous);
            String source = "kept version " + version.substring(0, 12);
            if (changed) {
                activations.activate(ruleset, by, source, now);
            }
            Deployment result = new Deployment(changed ? "DEPLOYED" : "UNCHANGED", source, by, now,
                    List.of(new RoundChange(round, previous, version, changed)), List.of(),
                    new ValidationReport(List.of(), 0, 0));
            if (changed) {
                trail.append(AuditTrail.DEPLOYMENT, TimeOrderedIds.next(), null, by, now, content(result));
                log.info("Round {} restored to ruleset {} by {}", round, version.substring(0, 12), by);
            }
            return result;
        });
    }

    private static Map<String, Object> content(Deployment d) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("source", d.source());
        content.put("rounds", d.rounds().stream().filter(RoundChange::changed).map(r -> Map.of(
                "round", r.round(), "from", String.valueOf(r.previousVersion()), "to", r.version())).toList());
        content.put("processes", d.processes().stream().filter(DeployedProcess::isNew)
                .map(p -> p.key() + ":" + p.version()).toList());
        return content;
    }

    /** The consequence of putting a candidate in force, round by round. */
    public record Impact(ValidationReport report, List<RoundImpact> rounds) {
    }

    /**
     * @param summary null when the candidate is the version in force (nothing would change)
     * @param changes the first {@value #MAX_CHANGES_LISTED} differences; {@code moreChanges} when there are more
     */
    public record RoundImpact(String round, String activeVersion, String candidateVersion, ReplaySummary summary,
                              List<Change> changes, boolean moreChanges) {
    }

    public record Change(String decisionId, String applicationId, String decision, String field, String recorded,
                         String candidate) {
    }

    /** Replays every recorded decision of each candidate round against the candidate. Changes nothing. */
    public Impact impact(DesignSource source) {
        DesignValidator.Checked checked = validator.check(source.rulesDir(), source.bpmnDir());
        if (checked.rulesets().isEmpty()) {
            throw new DeploymentRefusedException(checked.report());
        }
        List<RoundImpact> rounds = new ArrayList<>();
        for (Ruleset candidate : checked.rulesets()) {
            String round = candidate.round().code();
            String active = registry.hasRound(round) ? registry.active(round).version() : null;
            if (candidate.version().equals(active)) {
                rounds.add(new RoundImpact(round, active, candidate.version(), null, List.of(), false));
                continue;
            }
            List<Change> changes = new ArrayList<>();
            boolean[] more = {false};
            ReplaySummary summary = replay.runWithDifferences(new BatchReplay.Selection(round, null, null), candidate,
                    (recorded, result) -> result.differences().forEach(d -> {
                        if (changes.size() < MAX_CHANGES_LISTED) {
                            changes.add(new Change(recorded.id(), recorded.applicationId(), result.decision(),
                                    d.field(), d.recorded(), d.replayed()));
                        } else {
                            more[0] = true;
                        }
                    }), (done, total) -> {
                    }, () -> false);
            rounds.add(new RoundImpact(round, active, candidate.version(), summary, changes, more[0]));
        }
        return new Impact(checked.report(), rounds);
    }
}
