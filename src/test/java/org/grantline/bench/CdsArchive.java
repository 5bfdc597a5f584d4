package org.grantline.bench;

import org.grantline.GrantlineApplication;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * {@code bin/cds-archive} on a class path of jars: the extracted packaged jar ({@code StartupBenchmark}), or, in
 * the normal build, which runs its tests before it packages the application ({@code CdsArchiveIT}), the test
 * JVM's class path: a class data sharing archive takes classes from jars only, so the application's classes
 * folder is packed into a jar first and other folders (the test classes) are left out.
 */
record CdsArchive(String classPath, Path archive, double secondsToWrite) {

    /** The JVM options that start the application on this archive (refusing to start without it). */
    List<String> jvmOptions() {
        return List.of("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), "-Xshare:on");
    }

    /** An archive for the test JVM's class path as a packaged application has it (see the class comment). */
    static CdsArchive write(Path folder) throws Exception {
        Files.createDirectories(folder);
        return write(jarClassPath(folder.resolve("grantline-classes.jar")), folder.resolve("grantline.jsa"));
    }

    /** {@code bin/cds-archive --classpath <classPath> --archive <archive>}; its output beside the archive. */
    static CdsArchive write(String classPath, Path archive) throws Exception {
        Path output = archive.resolveSibling("cds-archive.out");
        long started = System.nanoTime();
        Process script = new ProcessBuilder("bash", "bin/cds-archive", "--classpath", classPath,
                "--archive", archive.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!script.waitFor(10, TimeUnit.MINUTES) || script.exitValue() != 0) {
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
            throw new IllegalStateException("bin/cds-archive failed; see " + output + " and " + archive + ".log");
        }
        return new CdsArchive(classPath, archive, (System.nanoTime() - started) / 1e9);
    }

    private static String jarClassPath(Path classesJar) throws IOException {
        Path classes = Path.of(GrantlineApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        jar(classes, classesJar);
        List<String> entries = new ArrayList<>(List.of(classesJar.toAbsolutePath().toString()));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (Files.isRegularFile(Path.of(entry))) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jar(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> paths = Files.walk(folder)) {
            // Folders get entries of their own: Spring finds the packages it scans through them.
            for (Path path : paths.filter(p -> !p.equals(folder)).sorted().toList()) {
                String name = folder.relativize(path).toString().replace(File.separatorChar, '/');
                boolean isFolder = Files.isDirectory(path);
                out.putNextEntry(new JarEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(path, out);
                }
                out.closeEntry();
            }
        }
    }
}
