package org.grantline;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the tests that start the whole application: one shared context (an in-memory H2 database,
 * the real rules/ and bpmn/ folders, job executor off so tests fire timers themselves).
 */
// Metrics are exported as in production (Spring Boot turns exporters off in tests by default).
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:grantline-it;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256", // as application.yml
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/it-data",
        "grantline.demo-users.password=" + GrantlineIT.PASSWORD,
        "grantline.admin.password=" + GrantlineIT.PASSWORD,
})
public abstract class GrantlineIT {

    public static final String PASSWORD = "it-only-password";

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
