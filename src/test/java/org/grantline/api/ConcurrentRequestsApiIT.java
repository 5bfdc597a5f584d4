package org.grantline.api;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ConcurrentRequests} on the embedded H2 database. */
class ConcurrentRequestsApiIT extends GrantlineIT implements ConcurrentRequests {

    @Autowired
    RunningApp app;

    @Override
    public RunningApp app() {
        return app;
    }
}
