package org.grantline.trail;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link AuditTrailAppends} on the embedded H2 database. */
class AuditTrailAppendIT extends GrantlineIT implements AuditTrailAppends {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
