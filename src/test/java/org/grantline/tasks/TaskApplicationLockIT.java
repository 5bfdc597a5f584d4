package org.grantline.tasks;

import org.grantline.GrantlineIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** {@link TaskApplicationLocks} on the embedded H2 database. */
class TaskApplicationLockIT extends GrantlineIT implements TaskApplicationLocks {

    /** H2's "Timeout trying to lock table", the code {@code web.LostRace} reads. */
    private static final int LOCK_TIMEOUT = 50200;

    @Autowired
    ApplicationContext context;

    @Override
    public ApplicationContext context() {
        return context;
    }

    @Override
    public void waitAtMost200Milliseconds(Connection connection) throws SQLException {
        try (Statement set = connection.createStatement()) {
            set.execute("set lock_timeout 200");
        }
    }

    @Override
    public boolean isLockTimeout(SQLException failure) {
        return failure.getErrorCode() == LOCK_TIMEOUT;
    }
}
