package org.grantline.bench;

import org.grantline.TestFiles;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark's app on a new H2 file database under target/bench/db, deciding with {@link RoomyRules}. */
final class FreshH2 {

    /** The embedded default's H2 settings (application.yml), which the bare engine gets too. */
    static final String DEFAULT_OPTIONS = ";QUERY_CACHE_SIZE=256";
    /** H2 settings for grantline and the bare engine alike; -Dbench.h2.options=... replaces the default's. */
    static final String OPTIONS = System.getProperty("bench.h2.options", DEFAULT_OPTIONS);

    static void register(DynamicPropertyRegistry properties, String name) {
        Path dir = Path.of("target/bench/db", name);
        try {
            if (Files.exists(dir)) {
                TestFiles.deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.add("spring.datasource.url", () -> url(dir.resolve("grantline")));
        properties.add("grantline.rules-dir", () -> RoomyRules.prepare().toString());
    }

    static String url(Path file) {
        return "jdbc:h2:file:./" + file + ";DB_CLOSE_ON_EXIT=FALSE" + OPTIONS;
    }

    private FreshH2() {
    }
}
