package org.grantline.payments;

import org.grantline.PostgresIT;
import org.grantline.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each award decision asks whether the application already holds an award in the round. Asked by application and
 * round, PostgreSQL without statistics intersected both of the table's indexes and read the round's whole range of
 * one for every award (docs/benchmarks.md, fix 48); asked by the application alone, it reads only its awards.
 */
class RoundsAwardedPlanOnPostgresIT extends PostgresIT {

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void anApplicationsAwardsAreFoundThroughItsOwnIndexAlone() {
        assertThat(PostgresPlans.indexesOfGenericPlan(url, PaymentLedger.ROUNDS_AWARDED))
                .containsExactly("uq_award_application_type");
    }
}
