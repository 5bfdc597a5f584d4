package org.grantline.bench;

import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up: a child JVM of the app from process start until /actuator/health/readiness answers 200, first on an
 * empty data folder, then restarted on the database it created: on the test class path with the JIT stopped at C1
 * (as {@code ./mvnw spring-boot:run} starts it), and on jars with a class data sharing archive written by
 * {@code bin/cds-archive} (as a packaged application can start), and on those jars without the archive; and
 * the time to compile the rules of every round.
 */
class StartupBenchmark {

    static final String NAME = "Start-up and rule compile";
    /**
     * What {@code ./mvnw spring-boot:run} adds to the JVM it starts: Spring Boot's Maven plugin launches it
     * "optimized" unless told otherwise ({@code optimizedLaunch}, true by default), which stops the JIT at C1.
     */
    static final List<String> SPRING_BOOT_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

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
        Path folder = Files.createDirectories(Path.of("target/bench/startup"));
        CdsArchive cds = CdsArchive.write(folder.resolve("cds"));
        String testClassPath = System.getProperty("java.class.path");
        List<Double> first = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        List<Double> cdsFirst = new ArrayList<>();
        List<Double> cdsRestart = new ArrayList<>();
        List<Double> jarsFirst = new ArrayList<>();
        List<Double> jarsRestart = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            // The three ways in turn, so that a slow spell of the machine does not fall on one alone.
            Path data = dataFolder(folder, "classes", run);
            first.add(ChildApp.startToReady(testClassPath, SPRING_BOOT_RUN_OPTIONS, data));
            restart.add(ChildApp.startToReady(testClassPath, SPRING_BOOT_RUN_OPTIONS, data));
            data = dataFolder(folder, "cds", run);
            cdsFirst.add(ChildApp.startToReady(cds.classPath(), cds.jvmOptions(), data));
            cdsRestart.add(ChildApp.startToReady(cds.classPath(), cds.jvmOptions(), data));
            data = dataFolder(folder, "jars", run);
            jarsFirst.add(ChildApp.startToReady(cds.classPath(), List.of(), data));
            jarsRestart.add(ChildApp.startToReady(cds.classPath(), List.of(), data));
        }
        List<Figure> figures = List.of(
                Figure.of(NAME, "JVM start to ready as spring-boot:run starts it (class path, C1 only), "
                                + "empty data folder (schema created)", "s", first)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "JVM start to ready as spring-boot:run starts it (class path, C1 only), "
                                + "restart on that database", "s", restart)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "JVM start to ready with a CDS archive, empty data folder", "s", cdsFirst)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "JVM start to ready with a CDS archive, restart", "s", cdsRestart)
                        .goal("< 15 s", 15, false),
                Figure.of(NAME, "JVM start to ready on the same jars without the archive (JIT default), "
                                + "empty data folder", "s",
                        jarsFirst),
                Figure.of(NAME, "JVM start to ready on the same jars without the archive (JIT default), restart",
                        "s", jarsRestart),
                Figure.of(NAME, "writing the CDS archive (bin/cds-archive)", "s", List.of(cds.secondsToWrite())),
                Figure.of(NAME, "rule compile, all rounds", "s", compile).note(rounds.size() + " rounds: "
                        + rounds.stream().map(p -> p.getFileName().toString()).toList()));
        BenchReport.main().publish(NAME, figures, List.of(
                "Start-up: `java -Xmx512m -Duser.timezone=UTC -cp <class path> org.grantline.GrantlineApplication`"
                        + " (the embedded default: H2 in a file, demo users, rules compiled and deployed at start, "
                        + "job executor on), timed from ProcessBuilder.start() until GET /actuator/health/readiness "
                        + "gives 200, polled every 100 ms; a new data folder per run; the process is then stopped. "
                        + "The class path is the test JVM's (folders of classes) with `-XX:TieredStopAtLevel=1`, as "
                        + "`./mvnw spring-boot:run` starts the app (Spring Boot's plugin adds it: `optimizedLaunch`), "
                        + "or jars with the JIT's default: target/classes packed into a jar and the dependency jars, "
                        + "with and without `-XX:SharedArchiveFile=<archive> -Xshare:on`, the archive written once by "
                        + "`bin/cds-archive --classpath <those jars>` (a training start that stops once the "
                        + "context is up). Each run starts the three in turn.",
                "Rule compile: RulesetCompiler on every round folder in rules/ in turn (KieBuilder, one KieBase per "
                        + "decision, parameters), in the benchmark JVM; the first run is the coldest (later ones, and "
                        + "runs after other benchmarks in the same JVM, find the JIT warm)."));
        assertThat(figures).allSatisfy(f -> assertThat(f.min()).isPositive());
    }

    private static Path dataFolder(Path folder, String way, int run) throws Exception {
        return Files.createDirectories(folder.resolve(way + "-run-" + run + "-" + System.nanoTime()));
    }
}
