package org.grantline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The plan PostgreSQL keeps for a statement a pooled connection runs again and again: the generic plan, made
 * without the parameters' values (the JDBC driver prepares a statement on the server after five runs, and
 * PostgreSQL keeps a generic plan until the table's statistics change). Sequential scans are switched off for the
 * look, so that on a test's small table the choice shown is between the indexes.
 */
public final class PostgresPlans {

    /** The indexes the generic plan of {@code sql} reads, its {@code ?} parameters all {@code varchar}. */
    public static List<String> indexesOfGenericPlan(String url, String sql) {
        int parameters = (int) sql.chars().filter(c -> c == '?').count();
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        String types = String.join(", ", Collections.nCopies(parameters, "varchar"));
        String values = String.join(", ", Collections.nCopies(parameters, "'x'"));
        try (Connection connection = DriverManager.getConnection(url, PostgresDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute("set enable_seqscan = off");
            statement.execute("prepare probe (" + types + ") as " + numbered);
            try (ResultSet plan = statement.executeQuery("explain (format json) execute probe (" + values + ")")) {
                plan.next();
                List<String> indexes = new ArrayList<>();
                new ObjectMapper().readTree(plan.getString(1)).findValues("Index Name").stream()
                        .map(JsonNode::asText).forEach(indexes::add);
                return indexes;
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read the plan of " + sql, e);
        }
    }

    private PostgresPlans() {
    }
}
