package org.grantline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * grantline in a JVM of its own ({@code java … -cp <class path> GrantlineApplication}, or {@code java … -jar
 * <jar>}), as an operator runs it. It gets the environment it is given, not the caller's SPRING_ and GRANTLINE_
 * settings.
 */
public final class AppProcess {

    private final String name;
    private final int port;
    private final Path logFile;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    public AppProcess(String name, int port, Path logFile, String classPath, List<String> jvmOptions,
                      List<String> arguments, Map<String, String> environment) {
        this(name, port, logFile, onClassPath(classPath), jvmOptions, arguments, environment);
    }

    /** @param launch what follows the JVM options: {@link #onClassPath} or {@link #jar} */
    public AppProcess(String name, int port, Path logFile, Launch launch, List<String> jvmOptions,
                      List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.port = port;
        this.logFile = logFile;
        this.environment = environment;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(launch.arguments());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        this.command = List.copyOf(command);
    }

    /** How the JVM finds the application: its main class on a class path, or an executable jar. */
    public record Launch(List<String> arguments) {
    }

    public static Launch onClassPath(String classPath) {
        return new Launch(List.of("-cp", classPath, "org.grantline.GrantlineApplication"));
    }

    public static Launch jar(Path jar) {
        return new Launch(List.of("-jar", jar.toAbsolutePath().toString()));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("GRANTLINE_"));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the app answers its readiness probe (polled every 100 ms). */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/actuator/health/readiness")).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + logFile);
    }

    /** SIGKILL: no shutdown hook runs, transactions in flight are lost, job locks stay until they expire. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String name() {
        return name;
    }
}
