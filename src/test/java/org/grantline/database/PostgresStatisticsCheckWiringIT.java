package org.grantline.database;

import org.grantline.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** In the production profile on PostgreSQL the autovacuum check runs at start, and H2's plan refresh does not. */
class PostgresStatisticsCheckWiringIT extends PostgresIT {

    @Autowired
    ApplicationContext context;

    @Test
    void thePostgresCheckIsThereAndTheH2OnesAreNot() {
        assertThat(context.getBeanNamesForType(PostgresStatisticsCheck.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(H2PlanRefresh.class)).isEmpty();
    }
}
