package org.grantline.api;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link HostileInput} on the embedded H2 database. */
class HostileInputApiIT extends GrantlineIT implements HostileInput {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
