package org.grantline.api;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AuthorizationMatrix} on the embedded H2 database. */
class AuthorizationApiIT extends GrantlineIT implements AuthorizationMatrix {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
