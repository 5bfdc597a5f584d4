package org.grantline.rules;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts compiling the rules folder on a thread of its own as soon as the configuration is read, so that the
 * compile runs while Spring and Camunda start; {@link RulesetRegistry} takes the result instead of compiling
 * (docs/benchmarks.md, fix 19). A folder that does not compile stops the start just as it would without this.
 */
public final class EarlyRulesetCompile implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Map<Path, CompletableFuture<Map<String, Ruleset>>> STARTED = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String folder = event.getEnvironment().getProperty("grantline.rules-dir");
        if (folder == null) {
            return;
        }
        Path rulesDir;
        try {
            rulesDir = RulesetRegistry.normalized(Path.of(folder));
        } catch (InvalidPathException e) {
            return; // not a plain path: RulesetRegistry reads it as Spring converts it
        }
        CompletableFuture<Map<String, Ruleset>> compiled = new CompletableFuture<>();
        STARTED.put(rulesDir, compiled);
        Thread compile = new Thread(() -> {
            try {
                compiled.complete(RulesetRegistry.compileFolder(rulesDir));
            } catch (Throwable failure) {
                compiled.completeExceptionally(failure);
            }
        }, "rules-compile");
        compile.setDaemon(true);
        compile.start();
    }

    /** The early compile of this folder, waited for; empty where none was started. */
    static Optional<Map<String, Ruleset>> take(Path rulesDir) {
        CompletableFuture<Map<String, Ruleset>> compiled = STARTED.remove(rulesDir);
        // Taken once: a later registry in this JVM (another context) compiles for itself, and a compile started for
        // another folder is not kept.
        STARTED.clear();
        if (compiled == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(compiled.join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
