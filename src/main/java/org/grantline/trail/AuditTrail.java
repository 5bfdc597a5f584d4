package org.grantline.trail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Appends to the hash-chained audit trail, in the caller's transaction: an entry exists exactly when the
 * change it describes was committed. Entries are never updated or deleted.
 * <p>
 * The chain has one head, so appending must be done one transaction at a time. Entries are therefore kept
 * with the transaction and chained just before it commits, under the head's lock: the lock is held for
 * those inserts and the commit only, never while the transaction does its work. It is the last lock such a
 * transaction takes; only a deployment ({@link #lock()}) takes it first, and a deployment touches none of the
 * rows appenders lock. The trail's order is the order of commit.
 */
@Component
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    public static final String DECISION = "DECISION";
    public static final String TASK = "TASK";
    public static final String PAYMENT = "PAYMENT";
    /** A designer's deployment: which rulesets and process versions it put in force. */
    public static final String DEPLOYMENT = "DEPLOYMENT";

    private static final String INSERT = """
            insert into audit_trail (seq, kind, ref_id, application_id, actor, recorded_at, content, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    /** One statement that takes the head's lock and reads it, in this database's words; null: two statements. */
    private final String lockAndReadHead;

    @Autowired
    AuditTrail(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource) {
        this(jdbc, batches, databaseName(dataSource));
    }

    AuditTrail(JdbcClient jdbc, JdbcTemplate batches, String databaseName) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.lockAndReadHead = lockAndReadHead(databaseName);
    }

    /**
     * The no-op update of {@link #lockHead} with the row it locked, where the database returns it: on PostgreSQL
     * (the production profile, where every round trip counts) and H2, which plans this as it does the update.
     */
    private static String lockAndReadHead(String databaseName) {
        return switch (databaseName) {
            case "PostgreSQL" -> "update audit_head set last_seq = last_seq where id = 1 returning last_seq, last_hash";
            case "H2" -> "select last_seq, last_hash from final table "
                    + "(update audit_head set last_seq = last_seq where id = 1)";
            default -> null;
        };
    }

    private static String databaseName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the audit trail", e);
        }
    }

    /**
     * Takes the chain's lock now, until the transaction ends: for work that must run one at a time across
     * nodes (a deployment). Ordinary appends need no call to this.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock() {
        lockHead();
    }

    /**
     * An update that changes nothing takes the head's row lock as {@code SELECT ... FOR UPDATE} would, on H2 and
     * PostgreSQL alike, but H2 keeps its plan: it plans every {@code FOR UPDATE} query anew (docs/benchmarks.md,
     * fix 35).
     */
    private void lockHead() {
        if (jdbc.sql("update audit_head set last_seq = last_seq where id = 1").update() != 1) {
            throw new IllegalStateException("audit_head has lost its row (migration V2 inserts it)");
        }
    }

    /** The entry is chained when the transaction commits (and never, if it rolls back). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String kind, String refId, String applicationId, String actor, Instant at,
                       Map<String, ?> content) {
        Entry entry = new Entry(kind, refId, applicationId, actor, at, CanonicalJson.write(content));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            chain(List.of(entry));
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null && pending.committed) {
            throw new IllegalStateException("an audit trail entry (" + entry.kind() + " " + entry.refId()
                    + ") cannot be appended once its transaction has committed");
        }
        if (pending != null && pending.chained) {
            chain(List.of(entry)); // appended by a pre-commit step that ran after the chaining
            return;
        }
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.entries.add(entry);
    }

    /**
     * Under the head's lock: the entries numbered and hashed on from the head, inserted in one batch (one round trip
     * on PostgreSQL), and the head moved to the last of them.
     */
    private void chain(List<Entry> entries) {
        Head head = lockedHead();
        long seq = head.seq();
        String previous = head.hash();
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            seq++;
            String hash = hash(previous, seq, entry.kind(), entry.refId(), entry.canonicalContent());
            rows.add(new Object[]{seq, entry.kind(), entry.refId(), entry.applicationId(), entry.actor(),
                    Timestamp.from(entry.at()), entry.canonicalContent(), previous, hash});
            previous = hash;
        }
        batches.batchUpdate(INSERT, rows);
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, previous).update();
    }

    private Head lockedHead() {
        if (lockAndReadHead == null) {
            lockHead();
            return jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                    .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        }
        return jdbc.sql(lockAndReadHead).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional()
                .orElseThrow(() -> new IllegalStateException("audit_head has lost its row (migration V2 inserts it)"));
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

    /** The transaction's entries, chained by its last pre-commit step. */
    private final class Pending implements TransactionSynchronization {

        private final List<Entry> entries = new ArrayList<>();
        private boolean chained;
        private boolean committed;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            chained = true;
            chain(entries);
        }

        @Override
        public void afterCommit() {
            committed = true;
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
            if (status == STATUS_COMMITTED && !chained) {
                // Only an append from another step's beforeCommit, in a transaction that had appended nothing
                // before, could get here (Spring had already listed the steps to run); nothing does that.
                log.error("{} audit trail entries of a committed transaction were never chained: {}",
                        entries.size(), entries.stream().map(e -> e.kind() + " " + e.refId()).toList());
            }
        }

        /** A transaction suspended for another (REQUIRES_NEW) keeps its entries to itself. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(AuditTrail.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(AuditTrail.this, this);
        }
    }

    private record Entry(String kind, String refId, String applicationId, String actor, Instant at,
                         String canonicalContent) {
    }

    private record Head(long seq, String hash) {
    }
}
