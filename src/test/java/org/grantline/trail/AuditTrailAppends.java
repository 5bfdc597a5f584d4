package org.grantline.trail;

import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Entries are chained when their transaction commits: in order, never for a rollback, never lost. On H2
 * ({@link AuditTrailAppendIT}) and PostgreSQL ({@link AuditTrailAppendOnPostgresIT}), which lock and read the
 * chain's head in their own words.
 */
interface AuditTrailAppends {

    ApplicationContext context();

    default AuditTrail trail() {
        return context().getBean(AuditTrail.class);
    }

    default TransactionTemplate transaction() {
        return context().getBean(TransactionTemplate.class);
    }

    default JdbcClient jdbc() {
        return context().getBean(JdbcClient.class);
    }

    default ChainVerifier verifier() {
        return context().getBean(ChainVerifier.class);
    }

    default PlatformTransactionManager transactions() {
        return context().getBean(PlatformTransactionManager.class);
    }

    @Test
    default void theEntriesOfATransactionAreChainedOneAfterAnotherWhenItCommits() {
        String ref = UUID.randomUUID().toString();
        long before = head();
        transaction().executeWithoutResult(status -> {
            trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", 1));
            trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", 2));
            assertThat(entries(ref)).as("nothing is chained before the commit").isEmpty();
        });

        List<Long> seqs = jdbc().sql("select seq from audit_trail where ref_id = ? order by seq").param(ref)
                .query(Long.class).list();
        assertThat(seqs).hasSize(2);
        assertThat(seqs.get(1)).isEqualTo(seqs.get(0) + 1);
        assertThat(entries(ref)).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(head()).isGreaterThanOrEqualTo(before + 2);
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    default void aRolledBackTransactionLeavesNoEntry() {
        String ref = UUID.randomUUID().toString();
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", 1));
            throw new IllegalStateException("the step fails");
        })).hasMessage("the step fails");

        assertThat(entries(ref)).isEmpty();
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    default void anEntryAppendedByALaterPreCommitStepIsChainedToo() {
        String ref = UUID.randomUUID().toString();
        transaction().executeWithoutResult(status -> {
            trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", 1));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", 2));
                }
            });
        });

        assertThat(entries(ref)).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    default void aTransactionStartedInsideAnotherKeepsItsEntriesToItself() {
        String inner = UUID.randomUUID().toString();
        String outer = UUID.randomUUID().toString();
        TransactionTemplate requiresNew = new TransactionTemplate(transactions());
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            trail().append("TEST", outer, null, "test", Instant.now(), Map.of("n", 1));
            requiresNew.executeWithoutResult(s -> trail().append("TEST", inner, null, "test", Instant.now(),
                    Map.of("n", 2)));
            assertThat(entries(inner)).as("the inner transaction committed its own entry").hasSize(1);
            throw new IllegalStateException("the outer step fails");
        })).hasMessage("the outer step fails");

        assertThat(entries(outer)).as("the outer transaction rolled back with its entry").isEmpty();
        assertThat(entries(inner)).containsExactly("{\"n\":2}");
        assertThat(verifier().verify().intact()).isTrue();
    }

    @Test
    default void concurrentTransactionsChainWithoutAGapOrAFork() throws Exception {
        String ref = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int n = i;
            done.add(pool.submit(() -> transaction().executeWithoutResult(status -> {
                trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", n, "part", 1));
                trail().append("TEST", ref, null, "test", Instant.now(), Map.of("n", n, "part", 2));
            })));
        }
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<Long> seqs = jdbc().sql("select seq from audit_trail where ref_id = ? order by seq").param(ref)
                .query(Long.class).list();
        assertThat(seqs).hasSize(120);
        for (int i = 0; i < seqs.size(); i += 2) {
            assertThat(seqs.get(i + 1)).as("a transaction's two entries are neighbours").isEqualTo(seqs.get(i) + 1);
        }
        assertThat(verifier().verify().intact()).isTrue();
    }

    private List<String> entries(String ref) {
        return jdbc().sql("select content from audit_trail where ref_id = ? order by seq").param(ref)
                .query(String.class).list();
    }

    private long head() {
        return jdbc().sql("select last_seq from audit_head where id = 1").query(Long.class).single();
    }
}
