package org.grantline.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files that decide a round's outcomes (round.yaml, *.drl, parameters/*.yaml), by path relative
 * to the round folder. Scenarios are not part of it: adding a test does not change a decision.
 * The version is the SHA-256 of all paths and contents, so the same files always give the same version.
 */
public record RulesetFiles(String folderName, SortedMap<String, String> files) {

    public RulesetFiles {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    public static RulesetFiles read(Path roundFolder) {
        SortedMap<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(roundFolder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String relative = roundFolder.relativize(path).toString().replace('\\', '/');
                if (isDecisionFile(relative)) {
                    files.put(relative, Files.readString(path, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + roundFolder, e);
        }
        return new RulesetFiles(roundFolder.getFileName().toString(), files);
    }

    static boolean isDecisionFile(String relative) {
        return relative.equals("round.yaml")
                || relative.endsWith(".drl")
                || (relative.startsWith("parameters/") && relative.endsWith(".yaml"));
    }

    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            files.forEach((path, content) -> {
                sha.update(path.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> matching(String prefix, String suffix) {
        SortedMap<String, String> selected = new TreeMap<>();
        files.forEach((path, content) -> {
            if (path.startsWith(prefix) && path.endsWith(suffix)) {
                selected.put(path, content);
            }
        });
        return selected;
    }
}
