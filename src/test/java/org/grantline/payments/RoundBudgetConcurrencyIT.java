package org.grantline.payments;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.grantline.workflow.Lifecycle;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link RoundBudgetConcurrency} on the embedded H2 database, a context of its own with the small budget. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:grantline-budget;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "grantline.data-dir=target/budget-data",
        "grantline.demo-users.password=budget-test",
})
class RoundBudgetConcurrencyIT implements RoundBudgetConcurrency {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smallBudget(DynamicPropertyRegistry registry) {
        RoundBudgetConcurrency.smallBudgetRules(registry);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Override
    public Lifecycle drive() {
        return drive;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }
}
