package org.grantline.web;

import org.camunda.bpm.engine.ProcessEngineException;
import org.grantline.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which real database failures {@link LostRace} reads as a lost race, as Spring and the engine hand them on. */
class LostRaceTest {

    private static final String H2 = "jdbc:h2:mem:lost-race;DB_CLOSE_DELAY=-1";

    @Test
    void aRowLockHeldPastH2sTimeoutIsALostRaceHoweverItIsWrapped() throws SQLException {
        try (Connection holder = table(H2, "held"); Connection waiter = DriverManager.getConnection(H2)) {
            waiter.createStatement().execute("set lock_timeout 50");
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("update held set v = 1 where id = 1");

            SQLException raw = catchThrowableOfType(SQLException.class,
                    () -> waiter.createStatement().executeUpdate("update held set v = 2 where id = 1"));
            DataAccessException translated = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(waiter).update("update held set v = 2 where id = 1"));

            assertThat(LostRace.in(raw)).as("as the engine's own flush meets it").isTrue();
            assertThat(translated).as("Spring's reading of H2's lock timeout")
                    .isInstanceOf(QueryTimeoutException.class);
            assertThat(LostRace.in(translated)).isTrue();
            assertThat(LostRace.in(new ProcessEngineException("listener failed", translated)))
                    .as("as a task listener's failure reaches the web layer").isTrue();
            holder.rollback();
        }
    }

    @Test
    void aStatementThatRunsOutOfTimeIsNotALostRace() throws SQLException {
        try (Connection connection = DriverManager.getConnection(H2)) {
            connection.createStatement().execute("set query_timeout 20");
            String tenBillionRows = "select max(a.x * b.x) from system_range(1, 100000) a, system_range(1, 100000) b";
            DataAccessException slow = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(connection).queryForObject(tenBillionRows, Long.class));

            assertThat(slow).as("the same Spring type as a lock timeout").isInstanceOf(QueryTimeoutException.class);
            assertThat(LostRace.in(slow)).isFalse();
        }
    }

    @Test
    void aTakenKeyIsALostRaceAndABrokenCheckOrBadSqlIsNot() throws SQLException {
        try (Connection connection = table(H2, "keyed")) {
            DataAccessException duplicate = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(connection).update("insert into keyed values (1, 0)"));
            SQLException rawDuplicate = catchThrowableOfType(SQLException.class,
                    () -> connection.createStatement().executeUpdate("insert into keyed values (1, 0)"));
            DataAccessException check = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(connection).update("update keyed set v = -1"));
            DataAccessException grammar = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(connection).update("update no_such_table set v = 1"));

            assertThat(LostRace.in(duplicate)).isTrue();
            assertThat(LostRace.in(rawDuplicate)).as("as the engine's own flush meets it").isTrue();
            assertThat(check).isInstanceOf(DataIntegrityViolationException.class);
            assertThat(LostRace.in(check)).as("a broken check is a bug, not a race").isFalse();
            assertThat(LostRace.in(grammar)).isFalse();
            assertThat(LostRace.in(new ProcessEngineException("listener failed", grammar))).isFalse();
        }
    }

    @Test
    void aRowLockHeldPastPostgresLockTimeoutIsALostRace() throws SQLException {
        PostgresDatabase.assumeReachable("the PostgreSQL lock timeout case");
        String database = PostgresDatabase.create("lost_race");
        String url = PostgresDatabase.SERVER + database;
        try (Connection holder = DriverManager.getConnection(url, PostgresDatabase.USER, "");
             Connection waiter = DriverManager.getConnection(url, PostgresDatabase.USER, "")) {
            create(holder, "held");
            waiter.createStatement().execute("set lock_timeout = '50ms'");
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("update held set v = 1 where id = 1");

            DataAccessException translated = catchThrowableOfType(DataAccessException.class,
                    () -> jdbc(waiter).update("update held set v = 2 where id = 1"));

            assertThat(LostRace.in(translated)).as(String.valueOf(translated)).isTrue();
            holder.rollback();
        } finally {
            PostgresDatabase.drop(database);
        }
    }

    private static Connection table(String url, String name) throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        connection.createStatement().execute("drop table if exists " + name);
        create(connection, name);
        return connection;
    }

    private static void create(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table " + name + " (id int primary key, v int check (v >= 0))");
            statement.execute("insert into " + name + " values (1, 0)");
        }
    }

    private static JdbcTemplate jdbc(Connection connection) {
        return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }
}
