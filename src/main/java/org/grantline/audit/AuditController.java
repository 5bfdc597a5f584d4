package org.grantline.audit;

import org.grantline.intake.ApplicationRepository;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.ChainVerification;
import org.grantline.trail.ChainVerifier;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What auditors use: chain verification, replay and what-if of a decision, kept ruleset versions, and an
 * application's timeline. Every call here only reads.
 */
@RestController
@RequestMapping("/api")
class AuditController {

    private final ChainVerifier verifier;
    private final DecisionReplays replays;
    private final RulesetVersions versions;
    private final ApplicationRepository applications;
    private final Timelines timelines;

    AuditController(ChainVerifier verifier, DecisionReplays replays, RulesetVersions versions,
                    ApplicationRepository applications, Timelines timelines) {
        this.verifier = verifier;
        this.replays = replays;
        this.versions = versions;
        this.applications = applications;
        this.timelines = timelines;
    }

    @GetMapping("/audit/verification")
    ChainVerification verify() {
        return verifier.verify();
    }

    /**
     * Replays a decision with the ruleset version recorded in it, or with {@code version} (a kept version,
     * or {@code current} for the round's active one) to see what a rule change would have done.
     */
    @GetMapping("/decisions/{id}/replay")
    ReplayResult replay(@PathVariable String id, @RequestParam(required = false) String version) {
        return replays.replay(id, version);
    }

    @GetMapping("/rulesets")
    List<RulesetVersions.VersionInfo> rulesets() {
        return versions.list();
    }

    @GetMapping("/applications/{id}/timeline")
    Timeline timeline(@PathVariable String id) {
        return timelines.of(applications.get(id));
    }
}
