package org.grantline.simulation;

import org.grantline.rules.RulesetRegistry;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code simulate --cohort=FILE [--start=YYYY-MM-DD]} on the command line: runs the cohort through its round on
 * the real engine in a database of its own (see {@code GrantlineApplication}), with a progress bar on standard
 * error, and prints the round's funnel by step and lead type on standard output, as the dashboard shows it.
 * Exit code 0 when every row ran, 1 when some were refused or stopped on the way, 2 for a cohort that cannot be read.
 */
@Component
class SimulateCommand implements ApplicationRunner {

    static final String COMMAND = "simulate";

    private final RoundSimulation simulation;
    private final RulesetRegistry rulesets;
    private final JdbcClient jdbc;
    private final ConfigurableApplicationContext context;

    SimulateCommand(RoundSimulation simulation, RulesetRegistry rulesets, JdbcClient jdbc,
                    ConfigurableApplicationContext context) {
        this.simulation = simulation;
        this.rulesets = rulesets;
        this.jdbc = jdbc;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        if (context.getEnvironment().getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql")) {
            exit(2, "a simulation runs on an embedded H2 database of its own, never on a shared PostgreSQL one");
        }
        List<String> cohortPath = args.getOptionValues("cohort");
        if (cohortPath == null || cohortPath.size() != 1) {
            exit(2, "usage: simulate --cohort=FILE [--start=YYYY-MM-DD]   (cohort columns: README, \"Round simulation\")");
        }
        Path file = Path.of(cohortPath.get(0));
        if (!Files.isReadable(file)) {
            exit(2, "cannot read the cohort file " + file.toAbsolutePath());
        }
        Cohort cohort = Cohort.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>(cohort.problems());
        LocalDate start = null;
        if (problems.isEmpty()) {
            problems.addAll(checkAgainstRound(cohort));
            start = start(args, cohort.round(), problems);
        }
        if (jdbc.sql("select count(*) from application").query(Long.class).single() > 0) {
            problems.add("the database already holds applications: a simulation runs in a database of its own");
        }
        if (!problems.isEmpty()) {
            problems.forEach(System.err::println);
            exit(2, problems.size() + " problem(s) in " + file + ": nothing was simulated");
        }
        PrintStream err = System.err;
        long began = System.nanoTime();
        RoundSimulation.Result result = simulation.run(cohort, start, (settled, total, today) -> err.print(
                "\r" + bar(settled, total) + "  business date " + today));
        err.println();
        print(result, file, start, (System.nanoTime() - began) / 1e9);
        System.out.println();
        System.out.println("The simulated round is kept in " + context.getEnvironment().getProperty("grantline.data-dir")
                + ": start grantline with --grantline.data-dir=<that folder> to look at it in the console.");
        exit(result.refused().isEmpty() && result.problems().isEmpty() ? 0 : 1, null);
    }

    private List<String> checkAgainstRound(Cohort cohort) {
        if (cohort.round() == null || !rulesets.hasRound(cohort.round())) {
            return List.of("round " + cohort.round() + " is not loaded (rounds: "
                    + rulesets.all().stream().map(r -> r.round().code()).sorted().toList() + ")");
        }
        Set<String> stages = simulation.stages(cohort.round());
        List<String> problems = new ArrayList<>();
        cohort.members().stream().filter(m -> m.script().withdrawnAt() != null && !stages.contains(m.script().withdrawnAt()))
                .forEach(m -> problems.add("line " + m.line() + ": withdrawn_at: '" + m.script().withdrawnAt()
                        + "' is not a stage of " + cohort.round() + " (stages: " + stages + ")"));
        return problems;
    }

    /** --start, or the day the round's application window opens. */
    private LocalDate start(ApplicationArguments args, String round, List<String> problems) {
        List<String> given = args.getOptionValues("start");
        if (given != null && !given.isEmpty()) {
            try {
                return LocalDate.parse(given.get(0));
            } catch (DateTimeParseException e) {
                problems.add("--start: '" + given.get(0) + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }
        var opens = rulesets.active(round).parameters().all().get("application.window.opens");
        if (opens == null) {
            problems.add("round " + round + " has no application.window.opens parameter: give --start=YYYY-MM-DD");
            return null;
        }
        return (LocalDate) opens.values().lastEntry().getValue();
    }

    private static void print(RoundSimulation.Result result, Path file, LocalDate start, double seconds) {
        PrintStream out = System.out;
        out.printf("Round simulation of %s (%s): %d applicant(s) from %s, business dates %s to %s, %.1f s%n%n",
                result.funnel().round(), result.funnel().roundName(), result.submitted() + result.refused().size(),
                file, start, result.endedOn(), seconds);
        out.print(FunnelTable.render(result.funnel()));
        out.println();
        out.println("Where the applications ended: " + result.finalStages());
        if (!result.refused().isEmpty()) {
            out.println();
            out.println("Refused at intake (" + result.refused().size() + "):");
            result.refused().forEach(line -> out.println("  " + line));
        }
        if (!result.problems().isEmpty()) {
            out.println();
            out.println("Stopped on the way (" + result.problems().size() + "):");
            result.problems().forEach(line -> out.println("  " + line));
        }
    }

    static String bar(int done, int total) {
        int width = 30;
        double share = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(share * width);
        return String.format("[%s%s] %3d%%  %,d/%,d settled", "#".repeat(filled), ".".repeat(width - filled),
                Math.round(share * 100), done, total);
    }

    private void exit(int code, String message) {
        if (message != null) {
            System.err.println(message);
        }
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
