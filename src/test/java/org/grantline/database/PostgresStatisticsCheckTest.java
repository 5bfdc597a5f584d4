package org.grantline.database;

import org.grantline.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning when PostgreSQL will not analyse tables. {@code autovacuum} is the server's own setting and
 * cannot be changed for one session, but {@code track_counts}, which it needs, a superuser can switch off for
 * one: the tests that need the machine's PostgreSQL are skipped where none is reachable.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresStatisticsCheckTest {

    private SingleConnectionDataSource connection;

    @AfterEach
    void disconnect() {
        if (connection != null) {
            connection.destroy();
        }
    }

    @Test
    void warnsWhenTablesWouldNotBeAnalysed(CapturedOutput output) {
        JdbcTemplate jdbc = new JdbcTemplate(server());
        jdbc.execute("set track_counts = off");

        new PostgresStatisticsCheck(connection).warnIfStatisticsGoStale();

        assertThat(output.getOut()).contains("WARN").contains("PostgreSQL has track_counts")
                .contains("no table is analysed").contains("ALTER SYSTEM SET");
    }

    @Test
    void namesOnlyTheSettingsThatAreOff() {
        JdbcTemplate jdbc = new JdbcTemplate(server());
        jdbc.execute("set track_counts = on");
        boolean autovacuumOn = "on".equals(jdbc.queryForObject("show autovacuum", String.class));

        assertThat(new PostgresStatisticsCheck(connection).settingsOff())
                .doesNotContain("track_counts")
                .hasSize(autovacuumOn ? 0 : 1);
    }

    @Test
    void aServerItCannotAskIsReportedNotThrown(CapturedOutput output) {
        AbstractDataSource unreachable = new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection refused");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        };

        new PostgresStatisticsCheck(unreachable).warnIfStatisticsGoStale();

        assertThat(output.getOut()).contains("Could not read PostgreSQL's autovacuum settings")
                .contains("Connection refused");
    }

    private SingleConnectionDataSource server() {
        PostgresDatabase.assumeReachable("the autovacuum check against a server");
        connection = new SingleConnectionDataSource(PostgresDatabase.SERVER + "postgres", PostgresDatabase.USER, "", true);
        return connection;
    }
}
