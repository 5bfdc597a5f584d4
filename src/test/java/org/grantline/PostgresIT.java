package org.grantline;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the whole application in the production profile on the machine's PostgreSQL:
 * one shared context on a fresh database, job executor off as in {@link GrantlineIT}. Skipped, with a message,
 * where no PostgreSQL is reachable.
 */
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/pg-it-data",
        "grantline.admin.password=" + GrantlineIT.PASSWORD,
        // The tests' own users, named like the demo users. The postgres profile itself creates none
        // (TwoNodesOnPostgresIT checks that on a database it set up without this switch).
        "grantline.demo-users.enabled=true",
        "grantline.demo-users.password=" + GrantlineIT.PASSWORD,
})
public abstract class PostgresIT {

    @BeforeAll
    static void postgresReachable(TestInfo test) {
        PostgresDatabase.assumeReachable(test.getDisplayName());
    }

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry properties) {
        PostgresDatabase.register(properties);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
