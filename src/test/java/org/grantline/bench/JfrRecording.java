package org.grantline.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;

/**
 * {@code -Dbench.jfr=true}: a Flight Recorder recording around a benchmark, dumped to target/bench/&lt;name&gt;.jfr for
 * {@code jfr print} or JDK Mission Control. The "profile" settings, with Java stacks sampled every
 * {@value #SAMPLE_PERIOD_MS} ms instead of 10, so that a benchmark of a minute gives enough of them. Without the
 * property it does nothing.
 */
final class JfrRecording implements AutoCloseable {

    private static final int SAMPLE_PERIOD_MS = 2;

    private final Recording recording;
    private final Path file;

    private JfrRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    static JfrRecording start(String name) {
        if (!Boolean.getBoolean("bench.jfr")) {
            return new JfrRecording(null, null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName(name);
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(SAMPLE_PERIOD_MS));
            recording.start();
            return new JfrRecording(recording, Files.createDirectories(Path.of("target/bench")).resolve(name + ".jfr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (recording == null) {
            return;
        }
        try {
            recording.dump(file);
            System.out.println("[bench] flight recording in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            recording.close();
        }
    }
}
