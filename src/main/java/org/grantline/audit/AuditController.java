package org.grantline.audit;

import org.camunda.bpm.engine.HistoryService;
import org.grantline.decisions.DecisionQueries;
import org.grantline.decisions.DecisionView;
import org.grantline.intake.ApplicationRepository;
import org.grantline.intake.ApplicationRow;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.grantline.trail.CanonicalJson;
import org.grantline.trail.ChainVerification;
import org.grantline.trail.ChainVerifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What auditors use: chain verification, replay and what-if of a decision, kept ruleset versions, and an
 * application's timeline. Every call here only reads.
 */
@RestController
@RequestMapping("/api")
class AuditController {

    private final ChainVerifier verifier;
    private final DecisionQueries decisions;
    private final RulesetVersions versions;
    private final RulesetRegistry registry;
    private final Replayer replayer;
    private final ApplicationRepository applications;
    private final HistoryService history;
    private final JdbcClient jdbc;

    AuditController(ChainVerifier verifier, DecisionQueries decisions, RulesetVersions versions,
                    RulesetRegistry registry, Replayer replayer, ApplicationRepository applications,
                    HistoryService history, JdbcClient jdbc) {
        this.verifier = verifier;
        this.decisions = decisions;
        this.versions = versions;
        this.registry = registry;
        this.replayer = replayer;
        this.applications = applications;
        this.history = history;
        this.jdbc = jdbc;
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
        DecisionView recorded = decisions.get(id);
        String target = version == null ? recorded.rulesetVersion()
                : "current".equals(version) ? registry.active(recorded.round()).version() : version;
        return replayer.replay(recorded, versions.ruleset(target));
    }

    @GetMapping("/rulesets")
    List<RulesetVersions.VersionInfo> rulesets() {
        return versions.list();
    }

    @GetMapping("/applications/{id}/timeline")
    Timeline timeline(@PathVariable String id) {
        ApplicationRow app = applications.get(id);
        List<TimelineEntry> entries = jdbc.sql("""
                        select seq, kind, ref_id, actor, recorded_at, content from audit_trail
                        where application_id = ? order by seq""").param(id)
                .query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), tree(rs.getString(6))))
                .list();
        String instance = app.processInstanceId();
        List<Timeline.ProcessStep> steps = instance == null ? List.of()
                : history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(a -> new Timeline.ProcessStep(a.getActivityId(), a.getActivityName(), a.getActivityType(),
                        a.getAssignee(), a.getStartTime(), a.getEndTime()))
                .toList();
        String link = instance == null ? null : "/engine-rest/history/activity-instance?processInstanceId=" + instance;
        return new Timeline(id, instance, link, entries, steps);
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
