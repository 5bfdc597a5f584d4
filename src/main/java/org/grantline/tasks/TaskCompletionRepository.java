package org.grantline.tasks;

import com.fasterxml.jackson.core.type.TypeReference;
import org.grantline.decisions.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Who completed which caseworker task, when, with which form values. */
@Repository
public class TaskCompletionRepository {

    private final JdbcClient jdbc;

    public TaskCompletionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String applicationId, String processInstanceId, String taskId, String taskKey, String taskName,
                String completedBy, Instant at, Map<String, Object> variables) {
        jdbc.sql("""
                insert into task_completion (application_id, process_instance_id, task_id, task_key, task_name,
                    completed_by, completed_at, variables) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(applicationId, processInstanceId, taskId, taskKey, taskName, completedBy,
                        Timestamp.from(at), CanonicalJson.write(variables))
                .update();
    }

    public List<TaskCompletion> of(String applicationId) {
        return jdbc.sql("select * from task_completion where application_id = ? order by id").param(applicationId)
                .query((rs, n) -> new TaskCompletion(rs.getString("task_id"), rs.getString("task_key"),
                        rs.getString("task_name"), rs.getString("completed_by"),
                        rs.getTimestamp("completed_at").toInstant(), read(rs.getString("variables"))))
                .list();
    }

    private static Map<String, Object> read(String json) {
        try {
            return CanonicalJson.MAPPER.readValue(json, new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record TaskCompletion(String taskId, String taskKey, String taskName, String completedBy,
                                 Instant completedAt, Map<String, Object> variables) {
    }
}
