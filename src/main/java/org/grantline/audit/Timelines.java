package org.grantline.audit;

import org.camunda.bpm.engine.HistoryService;
import org.grantline.intake.ApplicationRow;
import org.grantline.trail.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** An application's timeline: its audit trail entries in order, beside the process engine's history. */
@Component
public class Timelines {

    private final JdbcClient jdbc;
    private final HistoryService history;

    Timelines(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public Timeline of(ApplicationRow app) {
        List<TimelineEntry> entries = jdbc.sql("""
                        select seq, kind, ref_id, actor, recorded_at, content from audit_trail
                        where application_id = ? order by seq""").param(app.id())
                .query((rs, n) -> new TimelineEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), tree(rs.getString(6))))
                .list();
        String instance = app.processInstanceId();
        String link = instance == null ? null : "/engine-rest/history/activity-instance?processInstanceId=" + instance;
        return new Timeline(app.id(), instance, link, entries, processHistory(app.id()));
    }

    /**
     * The steps of every process instance the application has had, oldest instance first: usually one, more
     * where a cancelled instance was restarted (the restart keeps the business key, the application's id).
     */
    private List<Timeline.ProcessStep> processHistory(String applicationId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(applicationId)
                .orderByProcessInstanceStartTime().asc().list().stream()
                .flatMap(instance -> history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()
                        .stream())
                .map(a -> new Timeline.ProcessStep(a.getProcessInstanceId(), a.getActivityId(), a.getActivityName(),
                        a.getActivityType(), a.getAssignee(), a.getStartTime(), a.getEndTime()))
                .toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
