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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The ruleset each round decides with on this node. At start every round folder under the rules folder (any
 * sub-folder holding a round.yaml) is compiled; a folder that does not compile stops the start.
 * Which version is in force is then settled with the database by {@link RulesetActivations}, and a deploy
 * swaps a round's ruleset at once: a decision already running keeps the ruleset it started with.
 */
@Component
public class RulesetRegistry {

    private static final Logger log = LoggerFactory.getLogger(RulesetRegistry.class);

    private final Map<String, Ruleset> active = new ConcurrentHashMap<>();
    private final Map<String, Ruleset> onDisk;
    private final Path rulesDir;

    public RulesetRegistry(@Value("${grantline.rules-dir}") Path rulesDir) {
        this.rulesDir = normalized(rulesDir);
        this.onDisk = EarlyRulesetCompile.take(this.rulesDir).orElseGet(() -> compileFolder(this.rulesDir));
        active.putAll(onDisk);
    }

    static Path normalized(Path rulesDir) {
        return rulesDir.toAbsolutePath().normalize();
    }

    static Map<String, Ruleset> compileFolder(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new IllegalStateException("rules folder " + rulesDir + " does not exist (grantline.rules-dir)");
        }
        Map<String, Ruleset> compiled = new TreeMap<>();
        RulesetCompiler compiler = new RulesetCompiler();
        for (Path folder : roundFolders(rulesDir)) {
            long started = System.nanoTime();
            Ruleset ruleset = compiler.compile(RulesetFiles.read(folder));
            Ruleset previous = compiled.putIfAbsent(ruleset.round().code(), ruleset);
            if (previous != null) {
                throw new IllegalStateException("round " + ruleset.round().code() + " is defined twice: "
                        + folder + " and " + previous.files().folderName());
            }
            log.info("Round {} ({}): ruleset {} with decisions {} compiled in {} ms", ruleset.round().code(),
                    folder.getFileName(), ruleset.version().substring(0, 12), new TreeSet<>(ruleset.decisions()),
                    (System.nanoTime() - started) / 1_000_000);
        }
        if (compiled.isEmpty()) {
            throw new IllegalStateException("no round folders (with round.yaml) under " + rulesDir);
        }
        return compiled;
    }

    public static List<Path> roundFolders(Path rulesDir) {
        try (Stream<Path> children = Files.list(rulesDir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("round.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules folder " + rulesDir, e);
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

    /** The rulesets compiled from the rules folder at start (in force or not). */
    Collection<Ruleset> onDisk() {
        return onDisk.values();
    }

    /** From now on, new decisions of the ruleset's round use it. */
    void use(Ruleset ruleset) {
        Ruleset previous = active.put(ruleset.round().code(), ruleset);
        if (previous == null || !previous.version().equals(ruleset.version())) {
            log.info("Round {} now decides with ruleset {}", ruleset.round().code(), ruleset.version().substring(0, 12));
        }
    }

    public Path rulesDir() {
        return rulesDir;
    }
}
