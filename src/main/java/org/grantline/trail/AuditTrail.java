package org.grantline.trail;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/**
 * Appends to the hash-chained audit trail, in the caller's transaction: an entry exists exactly when the
 * change it describes was committed. Entries are never updated or deleted.
 */
@Component
public class AuditTrail {

    public static final String DECISION = "DECISION";
    public static final String TASK = "TASK";
    public static final String PAYMENT = "PAYMENT";
    /** A designer's deployment: which rulesets and process versions it put in force. */
    public static final String DEPLOYMENT = "DEPLOYMENT";

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the chain's lock until the transaction ends. Anything that will both append and lock a round
     * takes this first, so that all transactions lock in one order (chain, then round) and cannot deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        jdbc.sql("select last_seq from audit_head where id = 1 for update").query(Long.class).single();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String kind, String refId, String applicationId, String actor, Instant at,
                       Map<String, ?> content) {
        Head head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        long seq = head.seq() + 1;
        String canonical = CanonicalJson.write(content);
        String hash = hash(head.hash(), seq, kind, refId, canonical);
        jdbc.sql("""
                insert into audit_trail (seq, kind, ref_id, application_id, actor, recorded_at, content, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, kind, refId, applicationId, actor, Timestamp.from(at), canonical, head.hash(), hash)
                .update();
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
    }

    /** SHA-256 over the previous hash, the position, what the entry is about, and its canonical content. */
    static String hash(String previous, long seq, String kind, String refId, String canonicalContent) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{previous, Long.toString(seq), kind, refId, canonicalContent}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Head(long seq, String hash) {
    }
}
