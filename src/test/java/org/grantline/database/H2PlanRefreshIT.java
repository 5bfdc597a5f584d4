package org.grantline.database;

import org.grantline.GrantlineIT;
import org.h2.command.Command;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

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

    @Test
    void aConnectionReusesItsParsedStatementUntilThePlansAreRefreshed() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
            Command first = parsed(session);
            // The scheduled refresh could fall between two parses: it would show as a new statement once.
            if (parsed(session) != first) {
                first = parsed(session);
            }

            assertThat(parsed(session)).as("kept by the connection's query cache").isSameAs(first);

            refresh.refresh();

            assertThat(parsed(session)).as("parsed and planned again after the refresh").isNotSameAs(first);
        }
    }

    @Test
    void theEmbeddedDefaultKeepsStatementsParsed() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        assertThat(yaml.getObject().getProperty("spring.datasource.url")).contains(";QUERY_CACHE_SIZE=256");
    }

    /** The session's statement for the SQL, handed back for reuse as a closed JDBC statement hands it back. */
    private static Command parsed(SessionLocal session) {
        Command command = session.prepareLocal(STATEMENT);
        command.close();
        return command;
    }
}
