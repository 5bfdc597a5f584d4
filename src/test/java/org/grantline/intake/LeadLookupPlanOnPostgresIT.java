package org.grantline.intake;

import org.grantline.PostgresIT;
import org.grantline.PostgresPlans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each submission looks for the lead's other applications in the round. Before the application table has been
 * analysed (autovacuum off, or a young database), PostgreSQL took the smaller (round_code, stage) index for it and
 * read the whole round each time (docs/benchmarks.md, fix 48); without that index only the lead's own entries
 * can be read.
 */
class LeadLookupPlanOnPostgresIT extends PostgresIT {

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void theLeadsApplicationsAreFoundThroughTheRoundAndLeadIndex() {
        assertThat(PostgresPlans.indexesOfGenericPlan(url, ApplicationRepository.APPLICATIONS_OF_LEAD))
                .containsExactly("uq_application_lead_round");
    }
}
