package org.grantline.payments;

import org.grantline.database.TimeOrderedIds;
import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.HeldAward;
import org.grantline.rules.facts.HeldTranche;
import org.grantline.rules.facts.Release;
import org.grantline.rules.facts.RoundPosition;
import org.grantline.rules.facts.Tranche;
import org.grantline.trail.AuditTrail;
import org.grantline.web.ApiException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Awards and their tranches. Uniqueness is the database's job (one award per type per application,
 * one row per tranche number), so retries, duplicate messages and two nodes can never pay twice.
 * Every status a tranche takes is written to the audit trail in the same transaction.
 */
@Component
public class PaymentLedger {

    /** The round_count dimensions: awards by type, and accepted applications by their lead's type. */
    private static final String AWARD_TYPE = "AWARD_TYPE";
    private static final String LEAD_TYPE = "LEAD_TYPE";

    /**
     * By the application alone, the round compared in Java: with the round in the query, PostgreSQL without
     * statistics planned it through the round's index and read the round's whole range for each award decision
     * (docs/benchmarks.md, fix 48).
     */
    static final String ROUNDS_AWARDED = "select round_code from award where application_id = ?";

    private final JdbcClient jdbc;
    private final AuditTrail trail;

    public PaymentLedger(JdbcClient jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    /**
     * Booking awards takes this lock, until the transaction ends: one decision that awards at a time, across
     * rounds and nodes, so that capacity, caps, budget and double funding are judged on every award already
     * committed and on none that is not. The caller reads the facts and the position after taking it. An update
     * that changes nothing takes the row lock as {@code SELECT ... FOR UPDATE} would, but H2 keeps its plan
     * (docs/benchmarks.md, fix 35).
     */
    public void lockForAwards() {
        if (jdbc.sql("update award_lock set id = id where id = 1").update() != 1) {
            throw new IllegalStateException("award_lock has lost its row (migration V5 inserts it)");
        }
    }

    /** Where the round stands, as committed, in one statement (one consistent reading). */
    public RoundPosition position(String roundCode) {
        int[] accepted = {-1};
        BigDecimal[] committed = {BigDecimal.ZERO};
        Map<String, Integer> byAwardType = new HashMap<>();
        Map<String, Integer> byLeadType = new HashMap<>();
        jdbc.sql("""
                        select p.accepted, p.committed_amount, c.dimension, c.name, c.n
                        from round_position p left join round_count c on c.round_code = p.round_code
                        where p.round_code = ?""")
                .param(roundCode)
                .query(rs -> {
                    accepted[0] = rs.getInt(1);
                    committed[0] = rs.getBigDecimal(2);
                    if (rs.getString(3) != null) {
                        (rs.getString(3).equals(AWARD_TYPE) ? byAwardType : byLeadType).put(rs.getString(4), rs.getInt(5));
                    }
                });
        if (accepted[0] < 0) {
            throw new IllegalStateException("round " + roundCode + " has no round_position row");
        }
        return new RoundPosition(accepted[0], byAwardType, committed[0].setScale(2), byLeadType);
    }

    private void countIntoTally(String applicationId, String leadType, String roundCode, List<Award> awards) {
        boolean firstAward = !jdbc.sql(ROUNDS_AWARDED).param(applicationId).query(String.class).list()
                .contains(roundCode);
        BigDecimal amount = awards.stream().map(Award::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int updated = jdbc.sql("update round_position set accepted = accepted + ?, "
                        + "committed_amount = committed_amount + ? where round_code = ?")
                .params(firstAward ? 1 : 0, amount, roundCode).update();
        if (updated != 1) {
            throw new IllegalStateException("round " + roundCode + " has no round_position row");
        }
        awards.forEach(award -> increment(roundCode, AWARD_TYPE, award.type()));
        if (firstAward) {
            increment(roundCode, LEAD_TYPE, leadType);
        }
    }

    /** Safe as update-then-insert: every writer of the tally holds the award lock. */
    private void increment(String roundCode, String dimension, String name) {
        int updated = jdbc.sql("update round_count set n = n + 1 where round_code = ? and dimension = ? and name = ?")
                .params(roundCode, dimension, name).update();
        if (updated == 0) {
            jdbc.sql("insert into round_count (round_code, dimension, name, n) values (?, ?, ?, 1)")
                    .params(roundCode, dimension, name).update();
        }
    }

    public void ensureRound(String roundCode, Instant now) {
        boolean exists = jdbc.sql("select count(*) from round_position where round_code = ?").param(roundCode)
                .query(Integer.class).single() > 0;
        if (!exists) {
            jdbc.sql("insert into round_position (round_code, created_at) values (?, ?)")
                    .params(roundCode, Timestamp.from(now)).update();
        }
    }

    /**
     * Books the decision's awards and tranches, and counts the awards into the round's tally. The caller holds
     * {@link #lockForAwards}, as every writer of the tally does.
     */
    public void recordAwards(String applicationId, String leadType, String roundCode, String decisionId,
                             List<Award> awards, List<Tranche> tranches, Instant now) {
        if (!awards.isEmpty()) {
            countIntoTally(applicationId, leadType, roundCode, awards);
        }
        Map<String, String> awardIds = new HashMap<>();
        for (Award award : awards) {
            String id = TimeOrderedIds.next();
            awardIds.put(award.type(), id);
            jdbc.sql("""
                    insert into award (id, application_id, round_code, type, amount, clause, decision_id, created_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, applicationId, roundCode, award.type(), award.amount(), award.clause(), decisionId,
                            Timestamp.from(now))
                    .update();
        }
        for (Tranche tranche : tranches) {
            String awardId = awardIds.get(tranche.awardType());
            if (awardId == null) {
                throw new IllegalStateException("rules produced a tranche of " + tranche.awardType()
                        + " without an award of that type");
            }
            String trancheId = TimeOrderedIds.next();
            jdbc.sql("""
                    insert into tranche (id, award_id, application_id, award_type, number, amount, status, due_on,
                        released_by, decision_id, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(trancheId, awardId, applicationId, tranche.awardType(), tranche.number(),
                            tranche.amount(), tranche.status(), tranche.dueOn(), tranche.releasedBy(), decisionId,
                            Timestamp.from(now), Timestamp.from(now))
                    .update();
            statusChanged(tranche(trancheId), null, "decision " + decisionId, now);
        }
    }

    /** WITHHELD becomes PAYABLE, due today. A tranche already released stays as it is. */
    public void release(String applicationId, Release release, String decisionId, LocalDate today, Instant now) {
        List<TrancheRow> withheld = jdbc.sql("""
                        select * from tranche
                        where application_id = ? and award_type = ? and number = ? and status = 'WITHHELD'""")
                .params(applicationId, release.awardType(), release.number()).query(TrancheRow.MAPPER).list();
        for (TrancheRow tranche : withheld) {
            int changed = jdbc.sql("update tranche set status = 'PAYABLE', due_on = ?, updated_at = ? where id = ? and status = 'WITHHELD'")
                    .params(today, Timestamp.from(now), tranche.id()).update();
            if (changed == 1) {
                statusChanged(tranche(tranche.id()), "WITHHELD", "decision " + decisionId + " (" + release.clause() + ")", now);
            }
        }
    }

    /** On withdrawal nothing more is paid: tranches not yet paid are withheld. */
    public int withholdUnpaid(String applicationId, String actor, Instant now) {
        List<TrancheRow> payable = jdbc.sql("select * from tranche where application_id = ? and status = 'PAYABLE'")
                .param(applicationId).query(TrancheRow.MAPPER).list();
        int withheld = 0;
        for (TrancheRow tranche : payable) {
            int changed = jdbc.sql("update tranche set status = 'WITHHELD', updated_at = ? where id = ? and status = 'PAYABLE'")
                    .params(Timestamp.from(now), tranche.id()).update();
            if (changed == 1) {
                statusChanged(tranche(tranche.id()), "PAYABLE", "withdrawal by " + actor, now);
                withheld++;
            }
        }
        return withheld;
    }

    /** Finance confirms a payment: PAYABLE becomes PAID, once. */
    public void markPaid(String trancheId, String user, Instant now) {
        TrancheRow tranche = tranche(trancheId);
        int changed = jdbc.sql("update tranche set status = 'PAID', paid_by = ?, updated_at = ? where id = ? and status = 'PAYABLE'")
                .params(user, Timestamp.from(now), trancheId).update();
        if (changed == 0) {
            throw ApiException.conflict("tranche " + trancheId + " is " + tranche.status()
                    + "; only a PAYABLE tranche can be marked paid");
        }
        statusChanged(tranche(trancheId), "PAYABLE", user, now);
    }

    /** Every status a tranche takes goes into the audit trail: who or what changed it, from what, to what. */
    private void statusChanged(TrancheRow tranche, String from, String by, Instant now) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("trancheId", tranche.id());
        content.put("awardType", tranche.awardType());
        content.put("number", tranche.number());
        content.put("amount", tranche.amount());
        content.put("from", from);
        content.put("to", tranche.status());
        content.put("dueOn", tranche.dueOn());
        content.put("by", by);
        trail.append(AuditTrail.PAYMENT, tranche.id(), tranche.applicationId(), by, now, content);
    }

    public TrancheRow tranche(String trancheId) {
        return jdbc.sql("select * from tranche where id = ?").param(trancheId).query(TrancheRow.MAPPER).optional()
                .orElseThrow(() -> ApiException.notFound("tranche", trancheId));
    }

    public List<TrancheRow> tranches(String applicationId) {
        return jdbc.sql("select * from tranche where application_id = ? order by created_at, award_type, number")
                .param(applicationId).query(TrancheRow.MAPPER).list();
    }

    public List<AwardRow> awards(String applicationId) {
        return jdbc.sql("select * from award where application_id = ? order by created_at, type")
                .param(applicationId).query(AwardRow.MAPPER).list();
    }

    public List<HeldAward> heldAwards(String applicationId) {
        return awards(applicationId).stream().map(a -> new HeldAward(a.type(), a.amount())).toList();
    }

    public List<HeldTranche> heldTranches(String applicationId) {
        return tranches(applicationId).stream()
                .map(t -> new HeldTranche(t.awardType(), t.number(), t.amount(), t.status())).toList();
    }
}
