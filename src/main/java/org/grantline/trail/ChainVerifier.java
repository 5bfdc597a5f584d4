package org.grantline.trail;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Walks the whole trail in order (a page at a time, not loaded at once) and reports the first broken link: a gap
 * in the sequence (a deleted entry), an entry whose hash does not match its content or whose previous hash
 * is not its predecessor's (an edited, inserted or swapped entry), or a decision record that no longer says
 * what its trail entry says (an edited or deleted decision).
 */
@Component
public class ChainVerifier {

    private static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private final JdbcClient jdbc;

    ChainVerifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChainVerification verify() {
        String previousHash = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        // Read a page at a time (by sequence number) so that memory stays bounded however long the trail is.
        long head = jdbc.sql("select last_seq from audit_head where id = 1").query(Long.class).single();
        long afterSeq = 0;
        // The last state the trail gives each tranche: "status amount", to compare with the ledger at the end.
        Map<String, String> trancheStates = new java.util.HashMap<>();
        while (afterSeq < head) {
            List<Map<String, Object>> page = jdbc.sql("select * from audit_trail where seq > ? and seq <= ? order by seq limit "
                    + PAGE).params(afterSeq, head).query().listOfRows();
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : page) {
                Map<String, Object> entry = lowerCase(row);
                long seq = ((Number) entry.get("seq")).longValue();
                if (seq != expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                String content = (String) entry.get("content");
                String recomputed = AuditTrail.hash(previousHash, seq, (String) entry.get("kind"),
                        (String) entry.get("ref_id"), content);
                if (!previousHash.equals(entry.get("prev_hash"))) {
                    return ChainVerification.broken(checked, seq, "entry " + seq
                            + " does not follow its predecessor (previous hash differs)");
                }
                if (!recomputed.equals(entry.get("hash"))) {
                    return ChainVerification.broken(checked, seq, "entry " + seq
                            + " has been changed (its content no longer matches its hash)");
                }
                if (AuditTrail.PAYMENT.equals(entry.get("kind"))) {
                    JsonNode payment = read(content);
                    trancheStates.put((String) entry.get("ref_id"), payment.path("to").asText() + " "
                            + payment.path("amount").decimalValue().toPlainString());
                }
                String recordProblem = recordProblem(entry, content);
                if (recordProblem != null) {
                    return ChainVerification.broken(checked, seq, recordProblem);
                }
                previousHash = recomputed;
                expectedSeq++;
                checked++;
                afterSeq = seq;
            }
        }
        if (head != checked) {
            return ChainVerification.broken(checked, checked + 1, "the trail ends at " + checked
                    + " but its head says " + head + ": entries were removed from the end");
        }
        long unchained = jdbc.sql("""
                select count(*) from decision_record d
                where not exists (select 1 from audit_trail t where t.kind = 'DECISION' and t.ref_id = d.id)""")
                .query(Long.class).single();
        if (unchained > 0) {
            return ChainVerification.broken(checked, checked + 1, unchained + " decision record(s) are not in the trail");
        }
        String ledgerProblem = ledgerProblem(trancheStates);
        if (ledgerProblem != null) {
            return ChainVerification.broken(checked, checked + 1, ledgerProblem);
        }
        return ChainVerification.ok(checked);
    }

    /** Every tranche in the ledger must be where its last trail entry left it (status and amount). */
    private String ledgerProblem(Map<String, String> trancheStates) {
        for (Map<String, Object> row : jdbc.sql("select id, status, amount from tranche").query().listOfRows()) {
            Map<String, Object> tranche = lowerCase(row);
            String id = (String) tranche.get("id");
            String actual = tranche.get("status") + " " + ((java.math.BigDecimal) tranche.get("amount"))
                    .setScale(2).toPlainString();
            String trailed = trancheStates.get(id);
            if (trailed == null) {
                return "tranche " + id + " is not in the trail";
            }
            if (!trailed.equals(actual)) {
                return "tranche " + id + " is " + actual + " in the ledger but " + trailed + " in the trail";
            }
        }
        return null;
    }

    /** A decision or task entry must still match the row it describes, to the letter. */
    private String recordProblem(Map<String, Object> entry, String content) {
        if (AuditTrail.TASK.equals(entry.get("kind"))) {
            return taskProblem(entry, content);
        }
        if (!AuditTrail.DECISION.equals(entry.get("kind"))) {
            return null;
        }
        String id = (String) entry.get("ref_id");
        List<Map<String, Object>> rows = jdbc.sql("select * from decision_record where id = ?").param(id).query()
                .listOfRows();
        if (rows.isEmpty()) {
            return "decision record " + id + " (entry " + entry.get("seq") + ") has been deleted";
        }
        if (!DecisionContent.of(lowerCase(rows.get(0))).equals(read(content))) {
            return "decision record " + id + " (entry " + entry.get("seq") + ") has been changed";
        }
        return null;
    }

    private String taskProblem(Map<String, Object> entry, String content) {
        String taskId = (String) entry.get("ref_id");
        List<Map<String, Object>> rows = jdbc.sql("select completed_by, variables from task_completion where task_id = ?")
                .param(taskId).query().listOfRows();
        if (rows.isEmpty()) {
            return "task completion " + taskId + " (entry " + entry.get("seq") + ") has been deleted";
        }
        Map<String, Object> row = lowerCase(rows.get(0));
        JsonNode trailed = read(content);
        boolean same = java.util.Objects.equals(trailed.path("completedBy").isNull() ? null
                : trailed.path("completedBy").asText(), row.get("completed_by"))
                && trailed.path("variables").equals(read((String) row.get("variables")));
        return same ? null : "task completion " + taskId + " (entry " + entry.get("seq") + ") has been changed";
    }

    private static JsonNode read(String json) {
        try {
            return CanonicalJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> lowerCase(Map<String, Object> row) {
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        return lower;
    }
}
