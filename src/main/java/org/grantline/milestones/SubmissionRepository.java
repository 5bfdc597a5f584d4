package org.grantline.milestones;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Repository
public class SubmissionRepository {

    private static final RowMapper<SubmissionRow> ROW = (rs, n) -> new SubmissionRow(rs.getLong("id"),
            rs.getString("application_id"), rs.getString("type"), rs.getDate("submitted_on").toLocalDate(),
            rs.getTimestamp("submitted_at").toInstant(), rs.getString("submitted_by"), rs.getString("payload"));

    private final JdbcClient jdbc;

    public SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String applicationId, SubmissionType type, LocalDate on, Instant at, String by, String payload) {
        jdbc.sql("""
                insert into submission (application_id, type, submitted_on, submitted_at, submitted_by, payload)
                values (?, ?, ?, ?, ?, ?)""")
                .params(applicationId, type.name(), on, Timestamp.from(at), by, payload).update();
    }

    /** All submissions of an application, oldest first. */
    public List<SubmissionRow> of(String applicationId) {
        return jdbc.sql("select * from submission where application_id = ? order by id").param(applicationId)
                .query(ROW).list();
    }
}
