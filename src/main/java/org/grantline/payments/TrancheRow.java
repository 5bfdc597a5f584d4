package org.grantline.payments;

import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One ledger row: a tranche of an award, with status PAYABLE, PAID or WITHHELD. */
public record TrancheRow(String id, String awardId, String applicationId, String awardType, int number,
                         BigDecimal amount, String status, LocalDate dueOn, String releasedBy, String decisionId,
                         Instant updatedAt, String paidBy) {

    static final RowMapper<TrancheRow> MAPPER = (rs, n) -> new TrancheRow(rs.getString("id"),
            rs.getString("award_id"), rs.getString("application_id"), rs.getString("award_type"),
            rs.getInt("number"), rs.getBigDecimal("amount").setScale(2), rs.getString("status"),
            rs.getDate("due_on") == null ? null : rs.getDate("due_on").toLocalDate(), rs.getString("released_by"),
            rs.getString("decision_id"), rs.getTimestamp("updated_at").toInstant(), rs.getString("paid_by"));
}
