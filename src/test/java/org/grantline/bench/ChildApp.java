package org.grantline.bench;

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
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started as an operator starts it ({@code java … GrantlineApplication}, the
 * embedded default: H2 in a file, demo users), timed from process start until /actuator/health/readiness
 * answers 200, polled every 100 ms; then stopped.
 */
final class ChildApp {

    private ChildApp() {
    }

    /** Seconds from start to ready; the app's output goes to app.log in the data folder. */
    static double startToReady(String classPath, List<String> jvmOptions, Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-Duser.timezone=UTC"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "org.grantline.GrantlineApplication", "--server.port=" + port,
                "--grantline.data-dir=" + data.toAbsolutePath(), "--grantline.demo-users.password=bench",
                "--grantline.admin.password=bench"));
        Path log = data.resolve("app.log");
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The embedded default, whatever the caller's environment says (a profile, a database URL).
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("GRANTLINE_"));
        Process app = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            long deadline = started + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < deadline) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("the app exited with " + app.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(HttpRequest.newBuilder(readiness).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not ready after 3 minutes; see " + log);
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
