package org.grantline.payments;

import org.springframework.jdbc.core.RowMapper;

import java.math.BigDecimal;
import java.time.Instant;

public record AwardRow(String id, String applicationId, String roundCode, String type, BigDecimal amount,
                       String clause, String decisionId, Instant createdAt) {

    static final RowMapper<AwardRow> MAPPER = (rs, n) -> new AwardRow(rs.getString("id"),
            rs.getString("application_id"), rs.getString("round_code"), rs.getString("type"),
            rs.getBigDecimal("amount").setScale(2), rs.getString("clause"), rs.getString("decision_id"),
            rs.getTimestamp("created_at").toInstant());
}
