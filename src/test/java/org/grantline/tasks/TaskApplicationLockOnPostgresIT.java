package org.grantline.tasks;

import org.grantline.PostgresIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** {@link TaskApplicationLocks} in the production profile on PostgreSQL. */
class TaskApplicationLockOnPostgresIT extends PostgresIT implements TaskApplicationLocks {

    /** PostgreSQL's lock_not_available, which {@code lock_timeout} raises. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public void waitAtMost200Milliseconds(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set lock_timeout = '200ms'");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException failure) {
        return LOCK_NOT_AVAILABLE.equals(failure.getSQLState());
    }
}
