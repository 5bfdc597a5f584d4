package org.grantline.api;

import org.grantline.PostgresIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ConcurrentRequests} in the production profile on PostgreSQL, where row locks are real. */
class ConcurrentRequestsOnPostgresIT extends PostgresIT implements ConcurrentRequests {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
