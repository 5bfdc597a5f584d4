package org.grantline.decisions;

import org.grantline.rules.facts.Condition;
import org.grantline.rules.facts.ConditionChange;
import org.grantline.rules.facts.Flag;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Conditions an application carries (open, met, breached) and flags raised for people to look at. */
@Component
public class ConditionStore {

    private final JdbcClient jdbc;

    ConditionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Condition> conditions(String applicationId) {
        return jdbc.sql("select code, status, due_on from application_condition where application_id = ? order by code")
                .param(applicationId)
                .query((rs, n) -> new Condition(rs.getString("code"), rs.getString("status"),
                        rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate()))
                .list();
    }

    void apply(String applicationId, ConditionChange change, String decisionId, Instant now) {
        int updated = jdbc.sql("""
                update application_condition set status = ?, due_on = coalesce(?, due_on), clause = ?,
                    decision_id = ?, updated_at = ?
                where application_id = ? and code = ?""")
                .params(change.status(), change.dueOn(), change.clause(), decisionId, Timestamp.from(now),
                        applicationId, change.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into application_condition (application_id, code, status, due_on, clause, decision_id,
                        updated_at) values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(applicationId, change.code(), change.status(), change.dueOn(), change.clause(),
                            decisionId, Timestamp.from(now))
                    .update();
        }
    }

    void raise(String applicationId, Flag flag, String decisionId, Instant now) {
        jdbc.sql("""
                insert into flag (application_id, decision_id, code, clause, reason, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(applicationId, decisionId, flag.code(), flag.clause(), flag.reason(), Timestamp.from(now))
                .update();
    }

    public List<Flag> flags(String applicationId) {
        return jdbc.sql("select code, clause, reason from flag where application_id = ? order by id")
                .param(applicationId)
                .query((rs, n) -> new Flag(rs.getString("code"), rs.getString("clause"), rs.getString("reason")))
                .list();
    }
}
