package org.grantline.bench;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many SQL statements a piece of work runs, counted by H2 itself ({@code INFORMATION_SCHEMA.QUERY_STATISTICS},
 * switched on for a pass of its own and off again, so that the timed runs do without it). Everything the
 * database runs meanwhile counts, commits included. Unlike a rate, the count hardly changes with the machine's
 * speed (timed background work adds a little), so it compares across machines and sessions.
 */
final class StatementCount {

    /**
     * Statements per unit of {@code work}, which does {@code units} of it (applications, submissions). With
     * {@code -Dbench.statements=true} each statement's count per unit goes to target/bench/statements-{name}.tsv.
     */
    static double perUnit(DataSource database, String name, int units, Runnable work) {
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("SET QUERY_STATISTICS FALSE"); // switching on again does not clear what was counted
            sql.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            sql.execute("SET QUERY_STATISTICS TRUE");
            try {
                work.run();
                long total;
                try (ResultSet sum = sql.executeQuery(
                        "select sum(EXECUTION_COUNT) from INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                    sum.next();
                    total = sum.getLong(1);
                }
                if (Boolean.getBoolean("bench.statements")) {
                    dump(sql, name, units);
                }
                return (double) total / units;
            } finally {
                sql.execute("SET QUERY_STATISTICS FALSE");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("H2 did not count the statements", e);
        }
    }

    private static void dump(Statement sql, String name, int units) throws SQLException, IOException {
        List<String> lines = new ArrayList<>(List.of("per unit\tstatement"));
        try (ResultSet each = sql.executeQuery("select EXECUTION_COUNT, SQL_STATEMENT from "
                + "INFORMATION_SCHEMA.QUERY_STATISTICS order by EXECUTION_COUNT desc")) {
            while (each.next()) {
                lines.add(String.format(Locale.ROOT, "%.2f\t%s", (double) each.getLong(1) / units,
                        each.getString(2).replaceAll("\\s+", " ")));
            }
        }
        Path file = Files.createDirectories(Path.of("target/bench")).resolve("statements-" + name + ".tsv");
        Files.write(file, lines);
    }

    /** Statements per application over {@code applications} lifecycles. */
    static double perApplication(DataSource database, String name, LifecycleSteps steps, int applications) {
        return perUnit(database, name, applications, () -> {
            for (int i = 0; i < applications; i++) {
                LifecycleScript.drive(steps, "counted-" + i);
            }
        });
    }

    private StatementCount() {
    }
}
