package org.grantline.bench;

import org.grantline.PostgresDatabase;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The machine and the library versions a benchmark ran on, as the report states them. */
final class BenchEnvironment {

    static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        machine.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        machine.put("Memory", String.format("%,d MiB physical; JVM heap max %,d MiB",
                os.getTotalMemorySize() >> 20, Runtime.getRuntime().maxMemory() >> 20));
        machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
                + System.getProperty("os.arch") + ")");
        machine.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), arguments "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList())
                + "; Java assertions " + (assertionsOn() ? "on" : "off"));
        machine.put("Load average", String.format("%.2f (1 min, when the report was written; above 0 means "
                + "something else ran too)", os.getSystemLoadAverage()));
        return machine;
    }

    /** Whether this JVM runs asserts in the application's and its libraries' classes (surefire's default is on). */
    @SuppressWarnings("AssertWithSideEffects")
    static boolean assertionsOn() {
        boolean on = false;
        assert on = true;
        return on;
    }

    static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Camunda", maven("org.camunda.bpm", "camunda-engine"));
        versions.put("Camunda DMN", maven("org.camunda.bpm.dmn", "camunda-engine-dmn"));
        versions.put("Drools", maven("org.drools", "drools-core"));
        versions.put("Spring Boot", org.springframework.boot.SpringBootVersion.getVersion());
        versions.put("H2", org.h2.engine.Constants.FULL_VERSION);
        versions.put("PostgreSQL JDBC", org.postgresql.util.DriverInfo.DRIVER_VERSION);
        versions.put("PostgreSQL server", postgresServer());
        versions.put("JMH", maven("org.openjdk.jmh", "jmh-core"));
        return versions;
    }

    static String postgresServer() {
        try (Connection db = DriverManager.getConnection(PostgresDatabase.SERVER + "postgres", PostgresDatabase.USER, "");
             ResultSet rs = db.createStatement().executeQuery("show server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "not reachable at 127.0.0.1:5432";
        }
    }

    private static String maven(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = BenchEnvironment.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private BenchEnvironment() {
    }
}
