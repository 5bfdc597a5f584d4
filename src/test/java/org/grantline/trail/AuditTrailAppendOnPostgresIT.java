package org.grantline.trail;

import org.grantline.PostgresIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@link AuditTrailAppends} in the production profile on PostgreSQL. */
class AuditTrailAppendOnPostgresIT extends PostgresIT implements AuditTrailAppends {

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }
}
