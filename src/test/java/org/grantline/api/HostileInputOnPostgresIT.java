package org.grantline.api;

import org.grantline.PostgresIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link HostileInput} in the production profile on PostgreSQL. */
class HostileInputOnPostgresIT extends PostgresIT implements HostileInput {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
