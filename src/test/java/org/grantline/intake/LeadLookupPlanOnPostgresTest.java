package org.grantline.intake;

import org.grantline.PostgresPlans;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each submission looks for the lead's other applications in the round. Before the application table had been
 * analysed, PostgreSQL took the smaller (round_code, stage) index for it and read the whole round each time
 * (docs/benchmarks.md, fix 48); without that index only the lead's own entries are read. Skipped where no
 * PostgreSQL is reachable.
 */
class LeadLookupPlanOnPostgresTest {

    @Test
    void theLeadsApplicationsAreFoundThroughTheRoundAndLeadIndex() {
        assertThat(PostgresPlans.indexesOfGenericPlan(ApplicationRepository.APPLICATIONS_OF_LEAD))
                .containsExactly("uq_application_lead_round");
    }
}
