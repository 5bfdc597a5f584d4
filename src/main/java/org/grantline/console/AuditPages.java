package org.grantline.console;

import jakarta.validation.constraints.Pattern;
import org.grantline.audit.DecisionReplays;
import org.grantline.decisions.DecisionQueries;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.ChainVerifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * For auditors: one decision with everything it was taken on, replayed with its own ruleset version or
 * another one (what-if) with the differences; and the verification of the whole audit chain. Only reads.
 */
@Controller
class AuditPages {

    private final DecisionQueries decisions;
    private final DecisionReplays replays;
    private final RulesetVersions versions;
    private final ChainVerifier verifier;

    AuditPages(DecisionQueries decisions, DecisionReplays replays, RulesetVersions versions, ChainVerifier verifier) {
        this.decisions = decisions;
        this.replays = replays;
        this.versions = versions;
        this.verifier = verifier;
    }

    /** {@code replay}: absent, nothing replayed; {@code own}, its own version; a version hash or {@code current}: what-if. */
    @GetMapping("/console/decisions/{id}")
    String decision(@PathVariable @Pattern(regexp = "[0-9a-f-]{36}") String id,
                    @RequestParam(required = false) @Pattern(regexp = "own|current|[0-9a-f]{8,64}") String replay,
                    Model model) {
        var decision = decisions.get(id);
        model.addAttribute("d", decision);
        model.addAttribute("versions", versions.list().stream().filter(v -> v.round().equals(decision.round())).toList());
        model.addAttribute("replay", replay);
        if (replay != null) {
            model.addAttribute("result", replays.replay(id, "own".equals(replay) ? null : replay));
        }
        return "console/decision";
    }

    @GetMapping("/console/audit")
    String audit(Model model) {
        model.addAttribute("verification", verifier.verify());
        return "console/audit";
    }
}
