package org.grantline.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The active ruleset of every round, compiled from the rules folder on disk at start. A round folder is
 * any sub-folder holding a round.yaml. If any round does not compile, the application does not start.
 */
@Component
public class RulesetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RulesetRegistry.class);

    private final Map<String, Ruleset> active = new ConcurrentHashMap<>();
    private final Path rulesDir;

    public RulesetRegistry(@Value("${grantline.rules-dir}") Path rulesDir) {
        this.rulesDir = rulesDir.toAbsolutePath().normalize();
        loadAll();
    }

    private void loadAll() {
        if (!Files.isDirectory(rulesDir)) {
            throw new IllegalStateException("rules folder " + rulesDir + " does not exist (grantline.rules-dir)");
        }
        RulesetCompiler compiler = new RulesetCompiler();
        for (Path folder : roundFolders(rulesDir)) {
            long started = System.nanoTime();
            Ruleset ruleset = compiler.compile(RulesetFiles.read(folder));
            Ruleset previous = active.putIfAbsent(ruleset.round().code(), ruleset);
            if (previous != null) {
                throw new IllegalStateException("round " + ruleset.round().code() + " is defined twice: "
                        + folder + " and " + previous.files().folderName());
            }
            log.info("Round {} ({}): ruleset {} with decisions {} compiled in {} ms", ruleset.round().code(),
                    folder.getFileName(), ruleset.version().substring(0, 12), new java.util.TreeSet<>(ruleset.decisions()), (System.nanoTime() - started) / 1_000_000);
        }
        if (active.isEmpty()) {
            throw new IllegalStateException("no round folders (with round.yaml) under " + rulesDir);
        }
    }

    static List<Path> roundFolders(Path rulesDir) {
        try (Stream<Path> children = Files.list(rulesDir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("round.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Ruleset active(String roundCode) {
        Ruleset ruleset = active.get(roundCode);
        if (ruleset == null) {
            throw new UnknownRoundException(roundCode);
        }
        return ruleset;
    }

    public boolean hasRound(String roundCode) {
        return roundCode != null && active.containsKey(roundCode);
    }

    public Collection<Ruleset> all() {
        return active.values();
    }

    public Path rulesDir() {
        return rulesDir;
    }
}
