package org.grantline.bench;

import org.grantline.AppProcess;
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
 * empty data folder, then restarted on the database it created, four ways: on the test class path with the JIT
 * stopped at C1 (as {@code ./mvnw spring-boot:run} starts it); the executable jar as {@code ./mvnw package} builds
 * it ({@code java -jar target/grantline-*.jar}); that jar extracted as the README has operators run it; and the
 * extracted jar with a class data sharing archive written by {@code bin/cds-archive}. Also the time to compile
 * the rules of every round.
 */
class StartupBenchmark {

    static final String NAME = "Start-up and rule compile";
    /**
     * What {@code ./mvnw spring-boot:run} adds to the JVM it starts: Spring Boot's Maven plugin launches it
     * "optimized" unless told otherwise ({@code optimizedLaunch}, true by default), which stops the JIT at C1.
     */
    static final List<String> SPRING_BOOT_RUN_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** One way of starting the application, started on an empty data folder and then restarted, each run. */
    private record Way(String id, String name, AppProcess.Launch launch, List<String> jvmOptions,
                       List<Double> first, List<Double> restart) {

        Way(String id, String name, AppProcess.Launch launch, List<String> jvmOptions) {
            this(id, name, launch, jvmOptions, new ArrayList<>(), new ArrayList<>());
        }

        void startTwice(Path folder, int run) throws Exception {
            Path data = Files.createDirectories(folder.resolve(id + "-run-" + run + "-" + System.nanoTime()));
            first.add(ChildApp.startToReady(launch, jvmOptions, data));
            restart.add(ChildApp.startToReady(launch, jvmOptions, data));
        }

        List<Figure> figures() {
            return List.of(
                    Figure.of(NAME, "JVM start to ready " + name + ", empty data folder (schema created)", "s", first)
                            .goal("< 15 s", 15, false),
                    Figure.of(NAME, "JVM start to ready " + name + ", restart on that database", "s", restart)
                            .goal("< 15 s", 15, false));
        }
    }

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
        Path packaged = PackagedJar.built();
        Path extracted = PackagedJar.extract(packaged, folder.resolve("app"));
        CdsArchive cds = CdsArchive.write(extracted.toAbsolutePath().toString(), folder.resolve("app/grantline.jsa"));
        List<Way> ways = List.of(
                new Way("classes", "as spring-boot:run starts it (class path, C1 only)",
                        AppProcess.onClassPath(System.getProperty("java.class.path")), SPRING_BOOT_RUN_OPTIONS),
                new Way("jar", "on the executable jar (java -jar target/" + packaged.getFileName() + ")",
                        AppProcess.jar(packaged), List.of()),
                new Way("extracted", "on the extracted jar", AppProcess.jar(extracted), List.of()),
                new Way("extracted-cds", "on the extracted jar with its CDS archive", AppProcess.jar(extracted), cds.jvmOptions()));
        for (int run = 0; run < runs; run++) {
            // The ways in turn, so that a slow spell of the machine does not fall on one alone.
            for (Way way : ways) {
                way.startTwice(folder, run);
            }
        }
        List<Figure> figures = new ArrayList<>();
        ways.forEach(way -> figures.addAll(way.figures()));
        figures.add(Figure.of(NAME, "writing the CDS archive (bin/cds-archive)", "s", List.of(cds.secondsToWrite())));
        figures.add(Figure.of(NAME, "rule compile, all rounds", "s", compile).note(rounds.size() + " rounds: "
                + rounds.stream().map(p -> p.getFileName().toString()).toList()));
        BenchReport.main().publish(NAME, figures, List.of(
                "Start-up: `java -Xmx512m -Duser.timezone=UTC <options> <application>` (the embedded default: H2 in "
                        + "a file, demo users, rules compiled and deployed at start, job executor on), timed from "
                        + "ProcessBuilder.start() until GET /actuator/health/readiness gives 200, polled every "
                        + "100 ms; a new data folder per way and run, started twice (empty, then restart); the "
                        + "process is then stopped. The application: the test JVM's class path (folders of "
                        + "classes) and `org.grantline.GrantlineApplication` with `-XX:TieredStopAtLevel=1`, as "
                        + "`./mvnw spring-boot:run` starts it (Spring Boot's plugin adds it: `optimizedLaunch`); "
                        + "`-jar target/" + packaged.getFileName() + "`, the executable jar the build packaged (its "
                        + "dependencies nested in it); `-jar` on that jar extracted by `java -Djarmode=tools -jar "
                        + "<jar> extract` (the dependency jars beside it); the same with `-XX:SharedArchiveFile="
                        + "<archive> -Xshare:on`, the archive written once by `bin/cds-archive --classpath "
                        + "<extracted jar>` (a training start that stops once the context is up). The three jar "
                        + "ways with the JIT's default. Each run starts the four in turn.",
                "Rule compile: RulesetCompiler on every round folder in rules/ in turn (KieBuilder, one KieBase per "
                        + "decision, parameters), in the benchmark JVM; the first run is the coldest (later ones, and "
                        + "runs after other benchmarks in the same JVM, find the JIT warm)."));
        assertThat(figures).allSatisfy(f -> assertThat(f.min()).isPositive());
    }
}
