package org.grantline.payments;

import org.grantline.GrantlineIT;
import org.grantline.trail.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The award lock and the trail's head lock (taken by an update that changes nothing, fix 35) hold until their
 * transaction ends: a second taker waits for the first to commit, then goes on.
 */
class RowLocksIT extends GrantlineIT {

    private static final long HELD_MILLIS = 400;

    @Autowired
    PaymentLedger ledger;
    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void theAwardLockHoldsUntilItsTransactionEnds() throws Exception {
        assertSecondTakerWaits(ledger::lockForAwards);
    }

    @Test
    void theTrailsHeadLockHoldsUntilItsTransactionEnds() throws Exception {
        assertSecondTakerWaits(trail::lock);
    }

    private void assertSecondTakerWaits(Runnable lock) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch taken = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> transaction.executeWithoutResult(status -> {
                lock.run();
                taken.countDown();
                awaitQuietly(release);
            }));
            assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

            long asked = System.nanoTime();
            Future<Long> second = threads.submit(() -> transaction.execute(status -> {
                lock.run();
                return System.nanoTime();
            }));
            Thread.sleep(HELD_MILLIS);
            assertThat(second.isDone()).as("the second taker waits while the first holds the lock").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);

            long waited = TimeUnit.NANOSECONDS.toMillis(second.get(10, TimeUnit.SECONDS) - asked);
            assertThat(waited).as("and goes on once it is released").isGreaterThanOrEqualTo(HELD_MILLIS);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
