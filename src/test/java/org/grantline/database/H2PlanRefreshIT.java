package org.grantline.database;

import org.grantline.GrantlineIT;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection keeps its parsed statements, plans included, until the plan refresh; then it parses them again
 * on the tables as they are (fix 14).
 */
class H2PlanRefreshIT extends GrantlineIT {

    static final String STATEMENT = "select id, stage from application where id = ?";

    @Autowired
    DataSource dataSource;
    @Autowired
    H2PlanRefresh refresh;

    @Autowired
    ApplicationContext context;

    @Test
    void onH2ThePostgresAutovacuumCheckIsNotThere() {
        assertThat(context.getBeanNamesForType(PostgresStatisticsCheck.class)).isEmpty();
    }

    @Test
    void aConnectionReusesItsParsedStatementUntilThePlansAreRefreshed() throws Exception {
        // Holding the refresh's lock keeps its scheduled tasks from refreshing the plans in between.
        synchronized (refresh) {
            try (Connection connection = dataSource.getConnection()) {
                SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
                Command first = parsed(session);

                assertThat(parsed(session)).as("kept by the connection's query cache").isSameAs(first);

                refresh.refresh();

                assertThat(parsed(session)).as("parsed and planned again after the refresh").isNotSameAs(first);
            }
        }
    }

    /**
     * fix 17's trap on a table of the test's own: sampled while it held one owner's rows, a name looks unique, so
     * H2 reads every row of the names asked for rather than the owner's rows.
     */
    @Test
    void aTableSampledWhileSmallIsSampledAgainOnceItHasGrown() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table plan_probe (id int primary key, owner varchar(20), name varchar(20))");
        // Holding the refresh's lock keeps the scheduled refresh from sampling the table in between.
        synchronized (refresh) {
            try {
                jdbc.execute("create index plan_probe_name on plan_probe (name)");
                jdbc.execute("create index plan_probe_owner on plan_probe (owner)");
                jdbc.execute("insert into plan_probe select x, 'o0', 'n' || x from system_range(1, 20)");
                jdbc.execute("analyze table plan_probe");
                refresh.sampleTablesThatChangedSize();
                // 96 owners more, with the same 20 names: fewer changes than make H2 sample the table itself
                jdbc.execute("insert into plan_probe select x, 'o' || (x / 20), 'n' || mod(x, 20)"
                        + " from system_range(21, 1920)");

                assertThat(plan(jdbc)).as("planned on the statistics of 20 rows").contains("PLAN_PROBE_NAME");

                refresh.sampleTablesThatChangedSize();

                assertThat(plan(jdbc)).as("planned on statistics sampled again at 1,920 rows")
                        .contains("PLAN_PROBE_OWNER");
            } finally {
                jdbc.execute("drop table plan_probe");
            }
        }
    }

    private static String plan(JdbcTemplate jdbc) {
        return jdbc.queryForObject("explain select * from plan_probe where owner = 'o7' and name in ('n1', 'n2')",
                String.class);
    }

    /** The session's statement for the SQL, handed back for reuse as a closed JDBC statement hands it back. */
    private static Command parsed(SessionLocal session) {
        Command command = session.prepareLocal(STATEMENT);
        command.close();
        return command;
    }
}
