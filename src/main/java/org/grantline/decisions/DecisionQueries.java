package org.grantline.decisions;

import org.grantline.trail.CanonicalJson;
import com.fasterxml.jackson.databind.JsonNode;
import org.grantline.web.ApiException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads recorded decisions back, with their reasons in plain English. */
@Component
public class DecisionQueries {

    private final JdbcClient jdbc;

    DecisionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DecisionView> ofApplication(String applicationId, boolean withInputs) {
        return jdbc.sql("select * from decision_record where application_id = ? order by seq").param(applicationId)
                .query(mapper(withInputs)).list();
    }

    public DecisionView get(String id) {
        return jdbc.sql("select * from decision_record where id = ?").param(id).query(mapper(true)).optional()
                .orElseThrow(() -> ApiException.notFound("decision", id));
    }

    private static RowMapper<DecisionView> mapper(boolean withInputs) {
        return (rs, n) -> {
            JsonNode outputs = tree(rs.getString("outputs"));
            JsonNode fired = tree(rs.getString("fired"));
            List<String> clauses = new ArrayList<>();
            List<String> rules = new ArrayList<>();
            fired.forEach(f -> {
                clauses.add(f.path("clause").asText());
                rules.add(f.path("name").asText());
            });
            return new DecisionView(rs.getString("id"), rs.getString("application_id"), rs.getString("round_code"),
                    rs.getString("decision"), rs.getString("outcome"), rs.getDate("decision_date").toLocalDate(),
                    rs.getString("ruleset_version"), clauses, rules, reasons(outputs),
                    DecisionExplanation.of(rs.getString("decision"), rs.getString("outcome"), clauses, rules, outputs),
                    rs.getString("process_instance_id"), rs.getString("activity_id"), rs.getString("trigger_type"),
                    rs.getString("triggered_by"), rs.getTimestamp("recorded_at").toInstant(), outputs,
                    withInputs ? tree(rs.getString("inputs")) : null);
        };
    }

    /** Every failed clause, score point, award and flag as a sentence naming its clause. */
    static List<String> reasons(JsonNode outputs) {
        List<String> reasons = new ArrayList<>();
        outputs.path("failures").forEach(f -> reasons.add(f.path("clause").asText() + ": " + f.path("reason").asText()));
        outputs.path("scores").forEach(s -> reasons.add(s.path("clause").asText() + ": +" + s.path("points").asText()
                + " " + s.path("reason").asText()));
        outputs.path("awards").forEach(a -> reasons.add(a.path("clause").asText() + ": award " + a.path("type").asText()
                + " of GBP " + a.path("amount").decimalValue().toPlainString()));
        outputs.path("flags").forEach(f -> reasons.add(f.path("clause").asText() + ": " + f.path("reason").asText()));
        return reasons;
    }

    private static JsonNode tree(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
