package org.grantline.database;

import org.grantline.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning when PostgreSQL will not analyse tables, on the machine's server: {@code autovacuum} is the
 * server's own setting, so its finding is held against what the server says; {@code track_counts} a superuser can
 * switch off for one session, so the warning itself is shown on that. Skipped where no PostgreSQL is reachable.
 */
@ExtendWith(OutputCaptureExtension.class)
class PostgresStatisticsCheckTest {

    private SingleConnectionDataSource connection;
    private JdbcTemplate jdbc;

    @BeforeAll
    static void postgresReachable() {
        PostgresDatabase.assumeReachable("PostgresStatisticsCheckTest");
    }

    @BeforeEach
    void connect() {
        connection = new SingleConnectionDataSource(PostgresDatabase.SERVER + "postgres", PostgresDatabase.USER, "", true);
        jdbc = new JdbcTemplate(connection);
    }

    @AfterEach
    void disconnect() {
        connection.destroy();
    }

    @Test
    void findsAutovacuumOffExactlyWhenTheServerHasItOff() {
        boolean serverHasItOn = "on".equals(jdbc.queryForObject("show autovacuum", String.class));

        assertThat(new PostgresStatisticsCheck(connection).settingsOff().contains("autovacuum"))
                .as("autovacuum found off, the server saying it is %s", serverHasItOn ? "on" : "off")
                .isEqualTo(!serverHasItOn);
    }

    @Test
    void warnsOnceAtStartWhenTablesWouldNotBeAnalysed(CapturedOutput output) {
        jdbc.execute("set track_counts = off");

        new PostgresStatisticsCheck(connection).warnIfStatisticsGoStale();

        assertThat(output.getOut()).contains("WARN").contains("PostgreSQL has track_counts")
                .contains("no table is analysed").contains("ALTER SYSTEM SET");
    }

    @Test
    void saysNothingAboutTrackCountsWhenItIsOn() {
        jdbc.execute("set track_counts = on");

        assertThat(new PostgresStatisticsCheck(connection).settingsOff()).doesNotContain("track_counts");
    }

    @Test
    void aServerItCannotAskIsReportedNotThrown(CapturedOutput output) {
        connection.destroy();
        SingleConnectionDataSource closed = new SingleConnectionDataSource("jdbc:postgresql://127.0.0.1:1/none",
                PostgresDatabase.USER, "", true);

        new PostgresStatisticsCheck(closed).warnIfStatisticsGoStale();

        assertThat(output.getOut()).contains("Could not read PostgreSQL's autovacuum settings");
    }
}
