package org.grantline.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL analyses a table only through its autovacuum daemon. Where the benchmark's server has the daemon off,
 * no table of either database would ever be analysed and every plan would be made as for empty tables, so the
 * benchmark analyses both databases itself between runs, outside the timed parts, as the daemon would
 * (docs/benchmarks.md, fix 48).
 */
final class PostgresAnalyse {

    /** The server's {@code autovacuum} setting, as a connection to {@code database} reads it. */
    static boolean autovacuumOn(DataSource database) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             var rs = statement.executeQuery("show autovacuum")) {
            rs.next();
            return "on".equals(rs.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's autovacuum setting", e);
        }
    }

    /** {@code VACUUM ANALYZE} of every table of each database; the seconds it took. */
    static double everyTable(DataSource... databases) {
        long start = System.nanoTime();
        for (DataSource database : databases) {
            try (Connection connection = database.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                // VACUUM cannot run inside a transaction
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("vacuum analyze");
                } finally {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("VACUUM ANALYZE failed", e);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private PostgresAnalyse() {
    }
}
