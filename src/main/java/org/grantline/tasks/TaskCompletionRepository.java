package org.grantline.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.trail.CanonicalJson;
import org.grantline.trail.AuditTrail;
import org.grantline.trail.StoredJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who completed which caseworker task, when, with which form values. */
@Repository
public class TaskCompletionRepository {

    private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    public TaskCompletionRepository(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    void insert(String applicationId, String processInstanceId, String taskId, String taskKey, String taskName,
                String completedBy, Instant at, Map<String, Object> variables) {
        jdbc.sql("""
                insert into task_completion (application_id, process_instance_id, task_id, task_key, task_name,
                    completed_by, completed_at, variables) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, processInstanceId, taskId, taskKey, taskName, completedBy,
                        Timestamp.from(at), CanonicalJson.write(variables))
                .update();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("taskKey", taskKey);
        content.put("taskName", taskName);
        content.put("processInstanceId", processInstanceId);
        content.put("completedBy", completedBy);
        content.put("completedAt", at.toString());
        content.put("variables", variables);
        trail.append(AuditTrail.TASK, taskId, applicationId, completedBy == null ? "unknown" : completedBy, at, content);
    }

    public List<TaskCompletion> of(String applicationId) {
        return jdbc.sql("select * from task_completion where application_id = ? order by id").param(applicationId)
                .query((rs, n) -> new TaskCompletion(rs.getString("task_id"), rs.getString("task_key"),
                        rs.getString("task_name"), rs.getString("completed_by"),
                        rs.getTimestamp("completed_at").toInstant(),
                        StoredJson.read(rs.getString("variables"), VARIABLES)))
                .list();
    }

    /** {@code variables} is read-only, shared with every other reader of the same row ({@link StoredJson}). */
    public record TaskCompletion(String taskId, String taskKey, String taskName, String completedBy,
                                 Instant completedAt, Map<String, Object> variables) {
    }
}
