package org.grantline;

import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The machine's PostgreSQL server (127.0.0.1:5432, trust auth) for tests: a fresh database per use, dropped
 * when the test JVM ends. Where no server is reachable the tests that need one are skipped with a message.
 */
public final class PostgresDatabase {

    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    /** Skips the calling test class, saying why, unless PostgreSQL answers. */
    public static void assumeReachable(String what) {
        try (Connection ignored = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            // reachable
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "); " + what
                    + " needs it and is skipped");
        }
    }

    /** Creates an empty database and returns its name; it is dropped when the JVM ends. */
    public static String create(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            admin.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        if (!Boolean.getBoolean("grantline.test.keep-databases")) {
            // Spring Boot runs its shutdown handlers after it has closed the test contexts: a JVM hook of our own
            // would race them, and a context whose database is gone waits 30 s for a connection as it closes.
            SpringApplication.getShutdownHandlers().add(() -> drop(name));
        }
        return name;
    }

    public static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
            admin.createStatement().execute("drop database if exists " + name + " with (force)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    /**
     * Points the Spring context being built at a database of its own, created when the context first reads
     * its URL (each new context gets a new one; a cached context keeps its own).
     */
    public static void register(DynamicPropertyRegistry properties) {
        Supplier<Object> url = new Supplier<>() {
            private String created;

            @Override
            public synchronized Object get() {
                if (created == null) {
                    created = SERVER + create("grantline_it");
                }
                return created;
            }
        };
        properties.add("spring.datasource.url", url);
        properties.add("spring.datasource.username", () -> USER);
        properties.add("spring.datasource.password", () -> "");
    }

    private PostgresDatabase() {
    }
}
