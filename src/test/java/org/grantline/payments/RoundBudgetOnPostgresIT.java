package org.grantline.payments;

import org.grantline.PostgresIT;
import org.grantline.workflow.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RoundBudgetConcurrency} in the production profile on PostgreSQL, where the award lock is a real
 * {@code SELECT ... FOR UPDATE}: a context and database of its own with the small budget.
 */
class RoundBudgetOnPostgresIT extends PostgresIT implements RoundBudgetConcurrency {

    @Autowired
    Lifecycle drive;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void smallBudget(DynamicPropertyRegistry registry) {
        RoundBudgetConcurrency.smallBudgetRules(registry);
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
