package org.grantline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one combined report of a benchmark run: every benchmark publishes its figures and notes when it ends, and
 * the report (Markdown and CSV) is written again each time, so after the last one it holds them all.
 */
public final class BenchReport {

    private static final BenchReport MAIN = new BenchReport(Path.of(System.getProperty("bench.dir", "target/bench")),
            BenchSize.current(), BenchSize.runs(), command());

    private final Path dir;
    private final BenchSize size;
    private final int runs;
    private final String command;
    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);

    public BenchReport(Path dir, BenchSize size, int runs, String command) {
        this.dir = dir;
        this.command = command;
        this.size = size;
        this.runs = runs;
    }

    /** The report of {@code ./mvnw -Pbench verify}: target/bench/report.md and report.csv. */
    public static BenchReport main() {
        return MAIN;
    }

    public synchronized void publish(String benchmark, List<Figure> measured, List<String> benchmarkNotes) {
        figures.removeIf(f -> f.benchmark().equals(benchmark));
        figures.addAll(measured);
        notes.put(benchmark, List.copyOf(benchmarkNotes));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("report.csv"), csv());
            Files.writeString(dir.resolve("report.md"), markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        measured.forEach(f -> System.out.printf("[bench] %s | %s: median %s %s (min %s, max %s) %s %s%n",
                f.benchmark(), f.metric(), Figure.format(f.median()), f.unit(), Figure.format(f.min()),
                Figure.format(f.max()), f.goal(), f.verdict()));
    }

    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    public Path dir() {
        return dir;
    }

    static String command() {
        String properties = System.getProperties().stringPropertyNames().stream().sorted()
                .filter(name -> name.startsWith("bench.") || name.equals("test"))
                .map(name -> " -D" + name + "=" + System.getProperty(name)).collect(Collectors.joining());
        return "./mvnw -Pbench verify" + properties + " (heap capped by the bench profile)";
    }

    private String markdown() {
        StringBuilder md = new StringBuilder("# grantline benchmarks\n\n");
        md.append("Started ").append(started).append("; size `").append(size.label())
                .append("`, ").append(runs).append(" measured runs per figure after a warm-up.\n\n");
        md.append("Command: `").append(command).append("`.\n\n");
        md.append("| Machine | |\n|---|---|\n");
        BenchEnvironment.machine().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n| Versions | |\n|---|---|\n");
        BenchEnvironment.versions().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Figures\n\nSpread over the measured runs: min, median, max. A goal is judged on the median.\n\n");
        md.append("| Benchmark | Figure | Unit | Min | Median | Max | Runs | Goal | |\n|---|---|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.benchmark()).append(" | ").append(f.metric())
                    .append(f.note().isEmpty() ? "" : " (" + f.note() + ")").append(" | ").append(f.unit())
                    .append(" | ").append(Figure.format(f.min())).append(" | **").append(Figure.format(f.median()))
                    .append("** | ").append(Figure.format(f.max())).append(" | ").append(f.runs().size())
                    .append(" | ").append(f.goal()).append(" | ").append(f.verdict()).append(" |\n");
        }
        notes.forEach((benchmark, lines) -> {
            md.append("\n## ").append(benchmark).append("\n\n");
            lines.forEach(line -> md.append("- ").append(line).append('\n'));
        });
        return md.toString();
    }

    private String csv() {
        StringBuilder csv = new StringBuilder("benchmark,figure,unit,size,runs,min,median,max,values,goal,met,note\n");
        for (Figure f : figures) {
            csv.append(String.join(",", quote(f.benchmark()), quote(f.metric()), quote(f.unit()),
                    size.label(), String.valueOf(f.runs().size()), plain(f.min()), plain(f.median()),
                    plain(f.max()), quote(f.runs().stream().map(BenchReport::plain).collect(Collectors.joining(" "))),
                    quote(f.goal()), f.verdict(), quote(f.note()))).append('\n');
        }
        return csv.toString();
    }

    private static String plain(double value) {
        return Double.isNaN(value) ? "" : String.format(java.util.Locale.ROOT, "%.3f", value);
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
