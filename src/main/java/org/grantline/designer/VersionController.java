package org.grantline.designer;

import org.grantline.rules.RulesetVersions;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Ruleset versions for designers: every version kept, who registered it, when it was in force and whether it
 * is now, and the file-by-file difference between any two. A version may be given by a unique prefix of its
 * hash (at least 8 characters).
 */
@RestController
@RequestMapping("/api/designer/versions")
class VersionController {

    private final RulesetVersions versions;
    private final VersionHistory history;
    private final DesignDeployments deployments;

    VersionController(RulesetVersions versions, VersionHistory history, DesignDeployments deployments) {
        this.versions = versions;
        this.history = history;
        this.deployments = deployments;
    }

    /** Puts a kept version back in force for its round (roll-back), recorded like any deployment. */
    @PostMapping("/{version}/deployment")
    DesignDeployments.Deployment restore(@PathVariable String version, Authentication user) {
        return deployments.restore(versions.resolve(version), user.getName());
    }

    @GetMapping
    List<VersionHistory.VersionView> list(@RequestParam(required = false) String round) {
        return history.list(round);
    }

    /** The same as one patch text ({@code Accept: text/plain}), as {@code git diff} would print it. */
    @GetMapping(value = "/{from}/diff/{to}", produces = MediaType.TEXT_PLAIN_VALUE)
    String patch(@PathVariable String from, @PathVariable String to) {
        StringBuilder patch = new StringBuilder();
        for (VersionHistory.FileChange file : history.diff(from, to).files()) {
            patch.append("--- ").append(file.change().equals("ADDED") ? "/dev/null" : "a/" + file.path()).append('\n')
                    .append("+++ ").append(file.change().equals("REMOVED") ? "/dev/null" : "b/" + file.path()).append('\n')
                    .append(file.diff());
        }
        return patch.toString();
    }

    @GetMapping(value = "/{from}/diff/{to}", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionHistory.VersionDiff diff(@PathVariable String from, @PathVariable String to) {
        return history.diff(from, to);
    }
}
