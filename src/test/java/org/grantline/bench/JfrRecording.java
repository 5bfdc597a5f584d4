package org.grantline.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * {@code -Dbench.jfr=true}: a Flight Recorder recording (the "profile" settings) around a benchmark, dumped to
 * target/bench/&lt;name&gt;.jfr for {@code jfr print} or JDK Mission Control. Without the property it does nothing.
 */
final class JfrRecording implements AutoCloseable {

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
