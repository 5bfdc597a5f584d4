package org.grantline.trail;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link AuditTrailAppends} on the embedded H2 database. */
class AuditTrailAppendIT extends GrantlineIT implements AuditTrailAppends {

    @Autowired
    AuditTrail trail;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ChainVerifier verifier;
    @Autowired
    PlatformTransactionManager transactions;

    @Override
    public AuditTrail trail() {
        return trail;
    }

    @Override
    public TransactionTemplate transaction() {
        return transaction;
    }

    @Override
    public JdbcClient jdbc() {
        return jdbc;
    }

    @Override
    public ChainVerifier verifier() {
        return verifier;
    }

    @Override
    public PlatformTransactionManager transactions() {
        return transactions;
    }
}
