package org.grantline.designer;

import org.grantline.rules.RulesetActivations;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetVersions;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Ruleset versions for designers: every version kept, who registered it, when it was in force and whether it
 * is now, and the file-by-file difference between any two. A version may be given by a unique prefix of its
 * hash (at least 8 characters).
 */
@RestController
@RequestMapping("/api/designer/versions")
class VersionController {

    private final RulesetVersions versions;
    private final RulesetActivations activations;
    private final DesignDeployments deployments;

    VersionController(RulesetVersions versions, RulesetActivations activations, DesignDeployments deployments) {
        this.versions = versions;
        this.activations = activations;
        this.deployments = deployments;
    }

    /** Puts a kept version back in force for its round (roll-back), recorded like any deployment. */
    @PostMapping("/{version}/deployment")
    DesignDeployments.Deployment restore(@PathVariable String version, Authentication user) {
        return deployments.restore(versions.resolve(version), user.getName());
    }

    record VersionView(String version, String round, Instant registeredAt, String registeredBy, boolean inForce,
                       List<RulesetActivations.Activation> activations) {
    }

    /** Newest first. */
    @GetMapping
    List<VersionView> list(@RequestParam(required = false) String round) {
        Map<String, String> inForce = activations.current();
        Map<String, List<RulesetActivations.Activation>> byVersion = activations.history(round).stream()
                .collect(Collectors.groupingBy(RulesetActivations.Activation::version));
        List<VersionView> views = new ArrayList<>();
        for (RulesetVersions.VersionInfo info : versions.list()) {
            if (round == null || round.equals(info.round())) {
                views.add(new VersionView(info.version(), info.round(), info.registeredAt(), info.registeredBy(),
                        info.version().equals(inForce.get(info.round())),
                        byVersion.getOrDefault(info.version(), List.of())));
            }
        }
        java.util.Collections.reverse(views);
        return views;
    }

    record FileChange(String path, String change, String diff) {
    }

    record VersionDiff(String from, String to, List<FileChange> files) {
    }

    /** The same as one patch text ({@code Accept: text/plain}), as {@code git diff} would print it. */
    @GetMapping(value = "/{from}/diff/{to}", produces = MediaType.TEXT_PLAIN_VALUE)
    String patch(@PathVariable String from, @PathVariable String to) {
        StringBuilder patch = new StringBuilder();
        for (FileChange file : diff(from, to).files()) {
            patch.append("--- ").append(file.change().equals("ADDED") ? "/dev/null" : "a/" + file.path()).append('\n')
                    .append("+++ ").append(file.change().equals("REMOVED") ? "/dev/null" : "b/" + file.path()).append('\n')
                    .append(file.diff());
        }
        return patch.toString();
    }

    /** The files that differ, each with a unified diff; files the same in both are left out. */
    @GetMapping(value = "/{from}/diff/{to}", produces = MediaType.APPLICATION_JSON_VALUE)
    VersionDiff diff(@PathVariable String from, @PathVariable String to) {
        String fromVersion = versions.resolve(from);
        String toVersion = versions.resolve(to);
        RulesetFiles before = versions.files(fromVersion);
        RulesetFiles after = versions.files(toVersion);
        TreeSet<String> paths = new TreeSet<>(before.files().keySet());
        paths.addAll(after.files().keySet());
        List<FileChange> changes = new ArrayList<>();
        for (String path : paths) {
            String old = before.files().get(path);
            String now = after.files().get(path);
            if (!Objects.equals(old, now)) {
                String change = old == null ? "ADDED" : now == null ? "REMOVED" : "CHANGED";
                changes.add(new FileChange(path, change, LineDiff.unified(old, now)));
            }
        }
        return new VersionDiff(fromVersion, toVersion, changes);
    }
}
