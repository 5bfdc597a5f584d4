package org.grantline.payments;

import org.grantline.TestFiles;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * F6 under concurrency: with a round budget that fits exactly three Getting Ready grants, one application is
 * accepted, then five caseworkers accept five more at the same moment. Exactly three are awarded and the budget
 * is never exceeded.
 * Run on H2 ({@link RoundBudgetConcurrencyIT}) and PostgreSQL ({@link RoundBudgetOnPostgresIT}).
 */
interface RoundBudgetConcurrency {

    BigDecimal BUDGET = new BigDecimal("9000.00");

    Lifecycle drive();

    JdbcClient jdbc();

    /**
     * The real OP-2014 rules, with only the round budget lowered to three Getting Ready grants. Their scenarios,
     * which check the real budget, are left out: a ruleset whose scenarios fail is not put in force.
     */
    static void smallBudgetRules(DynamicPropertyRegistry registry) {
        Path copy = Path.of("target/budget-rules");
        try {
            TestFiles.copyTree(Path.of("rules"), copy);
            Path budget = copy.resolve("OP-2014/parameters/budget.yaml");
            Files.writeString(budget, Files.readString(budget).replace("2014-01-01: 3500000", "2014-01-01: 9000"));
            TestFiles.deleteTree(copy.resolve("OP-2014/scenarios"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("grantline.rules-dir", copy::toString);
    }

    @Test
    default void concurrentAcceptancesNeverOverCommitTheBudget() throws Exception {
        Lifecycle.on("2014-02-10");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(drive().submit(Lifecycle.goodApplicationJson("budget")));
        }
        // One accepted first, so that the others' decisions are expected to book and take the award lock before
        // their facts; those refused stop that expectation, so later ones (and retries) decide first, then lock.
        acceptRetryingOnConflict(ids.get(0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ids.size() - 1);
        List<Future<?>> done = new ArrayList<>();
        for (String id : ids.subList(1, ids.size())) {
            done.add(pool.submit(() -> {
                start.await();
                acceptRetryingOnConflict(id);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        BigDecimal committed = jdbc().sql("select coalesce(sum(amount), 0) from award").query(BigDecimal.class).single();
        assertThat(committed).isEqualByComparingTo(BUDGET);
        assertThat(ids.stream().map(drive()::stage).filter("GETTING_READY"::equals).count()).isEqualTo(3);
        RoundTally.assertMatchesTheAwards(jdbc());
        assertThat(ids.stream().map(drive()::stage).filter("NOT_SELECTED"::equals).count()).isEqualTo(3);
        assertThat(jdbc().sql("select count(*) from decision_record where decision = 'getting-ready' and outcome = 'REFUSED'")
                .query(Integer.class).single()).isEqualTo(3);
    }

    /** A caseworker whose save lost a race with another (lock timeout, optimistic lock) saves again. */
    private void acceptRetryingOnConflict(String id) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                drive().complete(id, "Task_ReviewApplication", Map.of("approved", true));
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
