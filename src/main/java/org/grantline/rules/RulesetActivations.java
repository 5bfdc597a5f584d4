package org.grantline.rules;

import org.grantline.rules.scenarios.ScenarioResult;
import org.grantline.rules.scenarios.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which ruleset version each round decides with, kept in the database so that every node agrees: a deploy
 * records an activation (who, when, from where), this node switches when the transaction commits, and the
 * other nodes switch at their next refresh (every {@code grantline.rules.refresh-interval}).
 */
@Component
public class RulesetActivations {

    private static final Logger log = LoggerFactory.getLogger(RulesetActivations.class);

    private final JdbcClient jdbc;
    private final RulesetRegistry registry;
    private final RulesetVersions versions;
    private final boolean deployOnStart;

    RulesetActivations(JdbcClient jdbc, RulesetRegistry registry, RulesetVersions versions,
                       @Value("${grantline.rules.deploy-on-start:true}") boolean deployOnStart) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.versions = versions;
        this.deployOnStart = deployOnStart;
    }

    public record Activation(long id, String round, String version, Instant activatedAt, String activatedBy,
                             String source) {
    }

    /** Puts a ruleset in force for its round, in the caller's transaction; this node uses it once committed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void activate(Ruleset ruleset, String by, String source, Instant at) {
        versions.register(ruleset, by, at);
        jdbc.sql("""
                insert into ruleset_activation (round_code, version, activated_at, activated_by, source)
                values (?, ?, ?, ?, ?)""")
                .params(ruleset.round().code(), ruleset.version(), Timestamp.from(at), by, abbreviate(source))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                registry.use(ruleset);
            }
        });
    }

    /**
     * At start: a round never activated gets its folder's ruleset. A folder that differs from the version in
     * force is deployed like any other change (its scenarios must pass, or the start stops) when
     * {@code grantline.rules.deploy-on-start} is true; otherwise the version in force stays and a warning says so.
     */
    @Transactional
    public void settleAtStart(Instant now) {
        Map<String, String> inForce = current();
        for (Ruleset folder : registry.onDisk()) {
            String round = folder.round().code();
            String version = inForce.get(round);
            if (folder.version().equals(version)) {
                continue;
            }
            if (version == null || deployOnStart) {
                requireScenariosPass(folder);
                activate(folder, "start-up", "folder " + registry.rulesDir().resolve(folder.files().folderName()), now);
            } else {
                log.warn("Round {}: the rules folder (ruleset {}) differs from the ruleset in force ({}); it is not "
                        + "used until deployed (POST /api/designer/deployments)", round,
                        folder.version().substring(0, 12), version.substring(0, 12));
            }
        }
        refresh();
    }

    private void requireScenariosPass(Ruleset ruleset) {
        List<String> failures = ScenarioRunner.runAll(ruleset, registry.rulesDir().resolve(ruleset.files().folderName()))
                .stream().filter(r -> !r.passed()).map(ScenarioResult::toString).toList();
        if (!failures.isEmpty()) {
            throw new RulesetInvalidException(ruleset.files().folderName() + " (scenarios)", failures);
        }
    }

    /** Follows activations made by other nodes (and at start, the ones in force before this node started). */
    @Scheduled(fixedDelayString = "${grantline.rules.refresh-interval:PT5S}",
            initialDelayString = "${grantline.rules.refresh-interval:PT5S}")
    public void refresh() {
        try {
            current().forEach((round, version) -> {
                if (!registry.hasRound(round) || !registry.active(round).version().equals(version)) {
                    registry.use(versions.ruleset(version));
                }
            });
        } catch (RuntimeException e) {
            log.error("Could not follow the rulesets in force; this node keeps deciding with the ones it has", e);
        }
    }

    /** The version in force per round. */
    public Map<String, String> current() {
        return jdbc.sql("""
                        select a.round_code, a.version from ruleset_activation a
                        where a.id = (select max(b.id) from ruleset_activation b where b.round_code = a.round_code)""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<String> current(String round) {
        return Optional.ofNullable(current().get(round));
    }

    /** Every activation, newest first; of one round when round is not null. */
    public List<Activation> history(String round) {
        return jdbc.sql("""
                        select id, round_code, version, activated_at, activated_by, source from ruleset_activation
                        where cast(? as varchar) is null or round_code = ? order by id desc""")
                .params(round, round)
                .query((rs, n) -> new Activation(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static String abbreviate(String source) {
        return source.length() <= 300 ? source : source.substring(0, 297) + "...";
    }
}
