package org.grantline.web;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means the request lost a race with another change to the same rows: a unique key or
 * revision already taken, a deadlock, or a row lock another transaction held too long. Such a request is
 * refused with 409 and changed nothing (its transaction rolled back); the same request again sees the
 * other change. Other integrity failures (a check, a foreign key, a value too long) are bugs, not
 * races. The engine and Spring wrap these differently (a task listener's Spring exception inside a
 * {@code ProcessEngineException}, the engine's own flush as a bare {@code SQLException}), so the whole
 * cause chain is read.
 */
final class LostRace {

    /** Unique key taken, serialization failure or deadlock (standard and PostgreSQL), PostgreSQL's lock_timeout. */
    private static final Set<String> SQL_STATES = Set.of("23505", "40001", "40P01", "55P03");

    /**
     * H2's lock timeout and concurrent update. Spring reads the timeout as a {@code QueryTimeoutException},
     * which a slow query can also raise, so the vendor code decides.
     */
    private static final Set<Integer> H2_ERROR_CODES = Set.of(50200, 90131);

    private LostRace() {
    }

    static boolean in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DuplicateKeyException || cause instanceof ConcurrencyFailureException
                    || cause instanceof OptimisticLockingException) {
                return true;
            }
            if (cause instanceof SQLException sql && (SQL_STATES.contains(sql.getSQLState())
                    || sql.getClass().getName().startsWith("org.h2.") && H2_ERROR_CODES.contains(sql.getErrorCode()))) {
                return true;
            }
        }
        return false;
    }
}
