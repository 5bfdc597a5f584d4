package org.grantline.payments;

import org.grantline.GrantlineIT;
import org.grantline.milestones.SubmissionType;
import org.grantline.rules.facts.Award;
import org.grantline.rules.facts.Tranche;
import org.grantline.web.ApiException;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One ledger row per tranche, whatever is retried or sent twice: the database refuses a second one. */
class PaymentLedgerIT extends GrantlineIT {

    @Autowired
    Lifecycle drive;
    @Autowired
    PaymentLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theSameAwardCannotBeBookedTwice() {
        Lifecycle.on("2014-02-10");
        String id = drive.submit(Lifecycle.goodApplicationJson("ledger"));
        drive.complete(id, "Task_ReviewApplication", Map.of("approved", true));
        String decisionId = jdbc.sql("select decision_id from award where application_id = ?").param(id)
                .query(String.class).single();

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> ledger.recordAwards(id, "LOCAL_AUTHORITY", "OP-2014", decisionId,
                List.of(new Award("GETTING_READY", new BigDecimal("3000"), "R1")),
                List.of(new Tranche("GETTING_READY", 1, new BigDecimal("3000"), "PAYABLE", LocalDate.now(), null)),
                Instant.now()))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from tranche where application_id = ?").param(id).query(Integer.class)
                .single()).isEqualTo(1);
        RoundTally.assertMatchesTheAwards(jdbc);
    }

    @Test
    void aFinalPlanSentTwiceReleasesTheHeldBackTrancheOnce() {
        String id = drive.throughGettingGoing(Lifecycle.goodApplicationJson("twice"), Lifecycle.GETTING_GOING, false);
        drive.send(id, SubmissionType.DRAFT_PLAN, Lifecycle.DRAFT_PLAN);
        String plan = Lifecycle.finalPlan("10000", "12000", "30000");
        drive.send(id, SubmissionType.FINAL_PLAN, plan);
        assertThatThrownBy(() -> drive.send(id, SubmissionType.FINAL_PLAN, plan)).isInstanceOf(ApiException.class);
        RoundTally.assertMatchesTheAwards(jdbc);

        assertThat(jdbc.sql("select count(*) from tranche where application_id = ? and award_type = 'GETTING_GOING'")
                .param(id).query(Integer.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select status from tranche where application_id = ? and award_type = 'GETTING_GOING' and number = 2")
                .param(id).query(String.class).single()).isEqualTo("PAYABLE");
        assertThat(jdbc.sql("select count(*) from decision_record where application_id = ? and decision = 'final-plan'")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }
}
