package org.grantline.bench;

import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up: a child JVM of the app (the test classpath, {@code java -cp … GrantlineApplication}) from process
 * start until /actuator/health/readiness answers 200, first on an empty data folder, then restarted on the
 * database it created; and the time to compile the rules of every round.
 */
class StartupBenchmark {

    static final String NAME = "Start-up and rule compile";

    @Test
    void startToReadyAndRuleCompile() throws Exception {
        int runs = BenchSize.runs();
        List<Double> compile = new ArrayList<>();
        List<Path> rounds = RulesetRegistry.roundFolders(Path.of("rules"));
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            rounds.forEach(round -> new RulesetCompiler().compile(RulesetFiles.read(round)));
            compile.add((System.nanoTime() - started) / 1e9);
        }
        List<Double> first = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Path data = Files.createDirectories(Path.of("target/bench/startup/run-" + run + "-" + System.nanoTime()));
            first.add(startToReady(data));
            restart.add(startToReady(data));
        }
        List<Figure> figures = List.of(
                Figure.of(NAME, "JVM start to ready, empty data folder (schema created)", "s", first)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "JVM start to ready, restart on that database", "s", restart)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "rule compile, all rounds", "s", compile).note(rounds.size() + " rounds: "
                        + rounds.stream().map(p -> p.getFileName().toString()).toList()));
        BenchReport.main().publish(NAME, figures, List.of(
                "Start-up: `java -Xmx512m -Duser.timezone=UTC -cp <test classpath> org.grantline.GrantlineApplication`"
                        + " (the embedded default: H2 in a file, demo users, rules compiled and deployed at start, "
                        + "job executor on), timed from ProcessBuilder.start() until GET /actuator/health/readiness "
                        + "gives 200, polled every 100 ms; a new data folder per run; the process is then stopped.",
                "Rule compile: RulesetCompiler on every round folder in rules/ in turn (KieBuilder, one KieBase per "
                        + "decision, parameters), in the benchmark JVM; the first run is the coldest (later ones, and "
                        + "runs after other benchmarks in the same JVM, find the JIT warm)."));
        assertThat(figures).allSatisfy(f -> assertThat(f.min()).isPositive());
    }

    private static double startToReady(Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
                "org.grantline.GrantlineApplication", "--server.port=" + port,
                "--grantline.data-dir=" + data.toAbsolutePath(), "--grantline.demo-users.password=bench",
                "--grantline.admin.password=bench");
        Path log = data.resolve("app.log");
        long started = System.nanoTime();
        Process app = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
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
            if (!app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly().waitFor();
            }
        }
    }
}
