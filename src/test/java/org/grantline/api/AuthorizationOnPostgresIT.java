package org.grantline.api;

import org.grantline.PostgresIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AuthorizationMatrix} in the production profile on PostgreSQL. */
class AuthorizationOnPostgresIT extends PostgresIT implements AuthorizationMatrix {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
