package org.grantline.designer;

import org.grantline.rules.RulesetActivations;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetVersions;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Ruleset versions with who registered and put them in force, and the file diff between any two. */
@Component
public class VersionHistory {

    private final RulesetVersions versions;
    private final RulesetActivations activations;

    VersionHistory(RulesetVersions versions, RulesetActivations activations) {
        this.versions = versions;
        this.activations = activations;
    }

    public record VersionView(String version, String round, Instant registeredAt, String registeredBy, boolean inForce,
                              List<RulesetActivations.Activation> activations) {
    }

    /** Newest first; {@code round} null for every round. */
    public List<VersionView> list(String round) {
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

    public record FileChange(String path, String change, String diff) {
    }

    public record VersionDiff(String from, String to, List<FileChange> files) {
    }

    /** The files that differ, each with a unified diff; files the same in both are left out. */
    public VersionDiff diff(String from, String to) {
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
