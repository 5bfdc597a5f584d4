package org.grantline.api;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The application a test context started, as HTTP tests use it: a client on its port, its database, its
 * identities. Test contracts (interfaces with the tests) take it, so the same tests run on H2 and PostgreSQL.
 */
@Component
@Lazy
class RunningApp {

    final ApiClient api;
    final JdbcClient jdbc;
    final IdentityService identity;

    RunningApp(@Value("${local.server.port}") int port, JdbcClient jdbc, IdentityService identity) {
        this.api = new ApiClient(port);
        this.jdbc = jdbc;
        this.identity = identity;
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
