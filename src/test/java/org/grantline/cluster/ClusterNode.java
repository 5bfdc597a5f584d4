package org.grantline.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One grantline node in its own JVM (the test's classpath, the postgres profile), as an operator would run
 * it; killed with SIGKILL to simulate a crash.
 */
final class ClusterNode {

    private final String name;
    private final int port;
    private final Path logFile;
    private final List<String> arguments;
    private final Map<String, String> environment;
    private Process process;

    ClusterNode(String name, int port, Path logFile, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.arguments = arguments;
        this.environment = environment;
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                "org.grantline.GrantlineApplication", "--server.port=" + port));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the node answers its readiness probe. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("node " + name + " not ready after " + timeout + "; see " + logFile);
    }

    /** SIGKILL: no shutdown hook runs, transactions in flight are lost, job locks stay until they expire. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }
}
