package org.grantline.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many SQL statements a lifecycle runs, counted by H2 itself ({@code INFORMATION_SCHEMA.QUERY_STATISTICS},
 * switched on for a pass of its own and off again, so that the timed runs do without it). Unlike a rate, the
 * count does not change with the machine's speed, so it compares across machines and sessions.
 */
final class StatementCount {

    /** Statements per application over {@code applications} lifecycles; everything the database ran counts. */
    static double perApplication(DataSource database, LifecycleSteps steps, int applications, String tag) {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            sql.execute("SET QUERY_STATISTICS TRUE");
            try {
                for (int i = 0; i < applications; i++) {
                    LifecycleScript.drive(steps, tag + "-" + i);
                }
                try (ResultSet total = sql.executeQuery(
                        "select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    total.next();
                    return (double) total.getLong(1) / applications;
                }
            } finally {
                sql.execute("SET QUERY_STATISTICS FALSE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("H2 did not count the statements", e);
        }
    }

    private StatementCount() {
    }
}
