package org.grantline.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many SQL statements a piece of work runs, counted by H2 itself ({@code INFORMATION_SCHEMA.QUERY_STATISTICS},
 * switched on for a pass of its own and off again, so that the timed runs do without it). Everything the
 * database runs meanwhile counts, commits included. Unlike a rate, the count does not change with the machine's
 * speed, so it compares across machines and sessions.
 */
final class StatementCount {

    interface Work {
        void run() throws Exception;
    }

    /** Statements per unit of {@code work}, which does {@code units} of it (applications, submissions). */
    static double perUnit(DataSource database, int units, Work work) {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            sql.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                try (ResultSet total = sql.executeQuery(
                        "select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    total.next();
                    return (double) total.getLong(1) / units;
                }
            } finally {
                sql.execute("SET QUERY_STATISTICS FALSE");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting statements", e);
        } catch (Exception e) {
            throw new IllegalStateException("H2 did not count the statements", e);
        }
    }

    /** Statements per application over {@code applications} lifecycles. */
    static double perApplication(DataSource database, LifecycleSteps steps, int applications, String tag) {
        return perUnit(database, applications, () -> {
            for (int i = 0; i < applications; i++) {
                LifecycleScript.drive(steps, tag + "-" + i);
            }
        });
    }

    private StatementCount() {
    }
}
