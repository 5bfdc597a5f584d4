package org.grantline.bench;

import org.grantline.AppProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The application in a JVM of its own, started as an operator starts it (the embedded default: H2 in a file,
 * demo users), timed from process start until /actuator/health/readiness answers 200; then stopped.
 */
final class ChildApp {

    private ChildApp() {
    }

    /** Seconds from start to ready; the app's output goes to app.log in the data folder. */
    static double startToReady(AppProcess.Launch launch, List<String> jvmOptions, Path data) throws Exception {
        AppProcess app = new AppProcess("the app", AppProcess.freePort(), data.resolve("app.log"), launch,
                jvmOptions, List.of("--grantline.data-dir=" + data.toAbsolutePath(),
                "--grantline.demo-users.password=bench", "--grantline.admin.password=bench"), Map.of());
        long started = System.nanoTime();
        try {
            app.start();
            app.awaitReady(Duration.ofMinutes(3));
            return (System.nanoTime() - started) / 1e9;
        } finally {
            app.stop();
        }
    }
}
