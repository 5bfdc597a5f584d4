package org.grantline.bench;

import org.grantline.TestFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real rules with room for thousands of applications: OP-2014's Getting Ready capacity and round budget
 * raised, nothing else changed. Its scenarios, which check the real capacity and budget, are left out.
 */
final class RoomyRules {

    static synchronized Path prepare() {
        Path target = Path.of("target/bench/rules").toAbsolutePath();
        try {
            if (Files.exists(target)) {
                TestFiles.deleteTree(target);
            }
            TestFiles.copyTree(Path.of("rules"), target);
            Path round = target.resolve("OP-2014");
            replace(round.resolve("parameters/getting-ready.yaml"), "2014-01-01: 141", "2014-01-01: 1000000");
            replace(round.resolve("parameters/budget.yaml"), "2014-01-01: 3500000", "2014-01-01: 100000000000");
            TestFiles.deleteTree(round.resolve("scenarios"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " no longer holds '" + from + "'");
        }
        Files.writeString(file, text.replace(from, to));
    }

    private RoomyRules() {
    }
}
