package org.grantline.audit;

import org.grantline.decisions.DecisionQueries;
import org.grantline.decisions.DecisionView;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.springframework.stereotype.Component;

/**
 * Replay of one recorded decision with the ruleset version recorded in it, or with another version: a kept
 * version (hash or unique prefix) or {@code current}, the round's version in force (what-if).
 */
@Component
public class DecisionReplays {

    public static final String CURRENT = "current";

    private final DecisionQueries decisions;
    private final RulesetVersions versions;
    private final RulesetRegistry registry;
    private final Replayer replayer;

    DecisionReplays(DecisionQueries decisions, RulesetVersions versions, RulesetRegistry registry, Replayer replayer) {
        this.decisions = decisions;
        this.versions = versions;
        this.registry = registry;
        this.replayer = replayer;
    }

    public ReplayResult replay(String decisionId, String version) {
        DecisionView recorded = decisions.get(decisionId);
        String target = version == null || version.isBlank() ? recorded.rulesetVersion()
                : CURRENT.equals(version) ? registry.active(recorded.round()).version() : version;
        return replayer.replay(recorded, versions.ruleset(target));
    }
}
