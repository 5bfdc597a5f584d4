package org.grantline.audit;

import org.grantline.rules.Ruleset;
import org.grantline.rules.RulesetCompiler;
import org.grantline.rules.RulesetFiles;
import org.grantline.rules.RulesetRegistry;
import org.grantline.rules.RulesetVersions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code verify} on the command line walks the audit trail (exit code 1 if broken).
 * {@code replay} on the command line: batch replay with a progress bar (rate and ETA) on standard error, the
 * summary on standard output and the differences in a CSV. Ctrl-C stops at the end of the page of decisions
 * in hand, keeps the CSV complete up to there, and still prints the summary. Exit code 0 = all match, 1 = mismatches, 2 = usage.
 * <pre>
 * replay [--round=CODE] [--from=2014-01-01T00:00:00Z] [--to=...] [--decision=ID] [--version=HASH|current]
 *        [--candidate=path/to/rules/ROUND] [--csv=replay-differences.csv]
 * </pre>
 */
@Component
class ReplayCommand implements ApplicationRunner {

    static final String COMMAND = "replay";
    static final String VERIFY = "verify";

    private final BatchReplay batch;
    private final org.grantline.trail.ChainVerifier verifier;
    private final RulesetVersions versions;
    private final RulesetRegistry registry;
    private final ConfigurableApplicationContext context;

    ReplayCommand(BatchReplay batch, org.grantline.trail.ChainVerifier verifier, RulesetVersions versions,
                  RulesetRegistry registry, ConfigurableApplicationContext context) {
        this.batch = batch;
        this.verifier = verifier;
        this.versions = versions;
        this.registry = registry;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (args.getNonOptionArgs().contains(VERIFY)) {
            org.grantline.trail.ChainVerification result = verifier.verify();
            System.out.println(result.intact() ? "Audit trail intact: " + result.entriesChecked() + " entries checked"
                    : "Audit trail BROKEN at entry " + result.brokenAtSeq() + ": " + result.problem());
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> result.intact() ? 0 : 1));
        }
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        String round = one(args, "round");
        if ("current".equals(one(args, "version")) && round == null) {
            System.err.println("--version=current needs --round (the current ruleset is a round's)");
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> 2));
        }
        BatchReplay.Selection selection = new BatchReplay.Selection(round, instant(one(args, "from")),
                instant(one(args, "to")), one(args, "decision"));
        Ruleset against = against(round, one(args, "version"), one(args, "candidate"));
        Path csvPath = Path.of(one(args, "csv") == null ? "replay-differences.csv" : one(args, "csv"));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        ReplaySummary summary;
        try (Writer csv = new BufferedWriter(Files.newBufferedWriter(csvPath))) {
            summary = batch.run(selection, against, csv, new ProgressBar(System.err), stop::get);
        } finally {
            finished.countDown();
        }
        System.err.println();
        System.out.print(summary);
        System.out.println("Differences: " + csvPath.toAbsolutePath());
        if (!stop.get()) {
            Runtime.getRuntime().removeShutdownHook(hook);
            int code = summary.getMismatches() == 0 ? 0 : 1;
            System.exit(org.springframework.boot.SpringApplication.exit(context, () -> code));
        }
    }

    private Ruleset against(String round, String version, String candidate) {
        if (candidate != null) {
            return new RulesetCompiler().compile(RulesetFiles.read(Path.of(candidate)));
        }
        if (version == null) {
            return null;
        }
        return "current".equals(version) ? registry.active(round) : versions.ruleset(version);
    }

    private static String one(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    /** [#########...........]  45%  4,500/10,000  1,234/s  ETA 0:04 — redrawn at most ten times a second. */
    static final class ProgressBar implements BatchReplay.Progress {
        private final PrintStream out;
        private final long started = System.nanoTime();
        private long lastDrawn;

        ProgressBar(PrintStream out) {
            this.out = out;
        }

        @Override
        public void update(long done, long total) {
            long now = System.nanoTime();
            if (done != total && now - lastDrawn < 100_000_000L) {
                return;
            }
            lastDrawn = now;
            out.print("\r" + line(done, total, (now - started) / 1e9));
            out.flush();
        }

        static String line(long done, long total, double seconds) {
            int width = 30;
            double share = total == 0 ? 1 : (double) done / total;
            int filled = (int) Math.round(share * width);
            double rate = seconds > 0 ? done / seconds : 0;
            long eta = rate > 0 ? Math.round((total - done) / rate) : 0;
            return String.format("[%s%s] %3d%%  %,d/%,d  %,.0f/s  ETA %d:%02d", "#".repeat(filled),
                    ".".repeat(width - filled), Math.round(share * 100), done, total, rate, eta / 60, eta % 60);
        }
    }

}
