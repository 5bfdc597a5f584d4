package org.grantline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

/**
 * The plan PostgreSQL makes for a statement before any table has been analysed, as a pooled connection would keep
 * it. The JDBC driver prepares a statement on the server after five runs; PostgreSQL then plans it for its
 * parameter values five more times and after that keeps one generic plan, made without them, when that costs no
 * more; with no statistics it never does cost more, so that plan stays. Looked at here on a fresh database with
 * grantline's schema and no row: the generic plan, with sequential scans off so that the choice shown is between
 * the indexes.
 */
public final class PostgresPlans {

    /** The indexes the generic plan of {@code sql} reads, its {@code ?} parameters all {@code varchar}. */
    public static List<String> indexesOfGenericPlan(String sql) {
        PostgresDatabase.assumeReachable("the plan of " + sql);
        String name = PostgresDatabase.create("plans");
        try {
            String url = PostgresDatabase.SERVER + name;
            Flyway.configure().dataSource(new DriverManagerDataSource(url, PostgresDatabase.USER, ""))
                    .table("grantline_schema_history").load().migrate();
            return genericPlanIndexes(url, sql);
        } finally {
            PostgresDatabase.drop(name);
        }
    }

    private static List<String> genericPlanIndexes(String url, String sql) {
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
                return new ObjectMapper().readTree(plan.getString(1)).findValues("Index Name").stream()
                        .map(JsonNode::asText).toList();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("cannot read the plan of " + sql, e);
        }
    }

    private PostgresPlans() {
    }
}
