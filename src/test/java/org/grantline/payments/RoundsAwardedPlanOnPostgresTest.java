package org.grantline.payments;

import org.grantline.PostgresPlans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each award decision asks whether the application already holds an award in the round. Asked by application and
 * round, PostgreSQL without statistics planned it through the round's index and read the round's whole range for
 * every award decision (docs/benchmarks.md, fix 48); asked by the application alone, it reads only its awards.
 * Skipped where no PostgreSQL is reachable.
 */
class RoundsAwardedPlanOnPostgresTest {

    @Test
    void anApplicationsAwardsAreFoundThroughItsOwnIndexAlone() {
        assertThat(PostgresPlans.indexesOfGenericPlan(PaymentLedger.ROUNDS_AWARDED))
                .containsExactly("uq_award_application_type");
    }
}
