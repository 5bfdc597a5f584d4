package org.grantline.bench;

import org.grantline.GrantlineApplication;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as {@code ./mvnw package} builds it: the executable jar in {@code target/} (the bench profile
 * packages it before it runs the benchmarks), and that jar extracted as the README has operators extract it
 * ({@code java -Djarmode=tools -jar <jar> extract}: a thin jar whose manifest names the dependency jars beside it).
 */
final class PackagedJar {

    private PackagedJar() {
    }

    /** The newest {@code target/grantline-*.jar}; refused if it is older than the compiled classes. */
    static Path built() throws Exception {
        Path target = Path.of("target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("grantline-.*\\.jar"))
                    .max(Comparator.comparing(PackagedJar::modified))
                    .orElseThrow(() -> new IllegalStateException("no target/grantline-*.jar: run the benchmarks "
                            + "through ./mvnw -Pbench verify, which packages the application first"));
        }
        Path compiled = Path.of(GrantlineApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("org/grantline/GrantlineApplication.class");
        if (modified(jar).compareTo(modified(compiled)) < 0) {
            throw new IllegalStateException(jar + " is older than the compiled classes: run the benchmarks through "
                    + "./mvnw -Pbench verify, which packages the application first");
        }
        return jar;
    }

    /** Extracts the jar into the (emptied) folder and returns the thin jar to start; the tool's output beside it. */
    static Path extract(Path jar, Path folder) throws Exception {
        FileSystemUtils.deleteRecursively(folder);
        Path output = Files.createDirectories(folder.getParent()).resolve(folder.getFileName() + "-extract.out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process extract = new ProcessBuilder(List.of(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(),
                "extract", "--destination", folder.toAbsolutePath().toString()))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!extract.waitFor(5, TimeUnit.MINUTES)) {
            extract.destroyForcibly();
            throw new IllegalStateException("extracting " + jar + " took over 5 minutes; see " + output);
        }
        if (extract.exitValue() != 0) {
            throw new IllegalStateException("extracting " + jar + " failed (exit " + extract.exitValue() + "); see "
                    + output);
        }
        Path thin = folder.resolve(jar.getFileName());
        if (!Files.isRegularFile(thin)) {
            throw new IllegalStateException("extracting " + jar + " did not write " + thin);
        }
        return thin;
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the time of " + path, e);
        }
    }
}
