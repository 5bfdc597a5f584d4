package org.grantline.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure of a benchmark: its value in every measured run, the goal it is held against (if any)
 * and whether the median meets it.
 */
public record Figure(String benchmark, String metric, String unit, List<Double> runs, String goal, Boolean met,
                     String note) {

    public Figure {
        runs = List.copyOf(runs);
    }

    public static Figure of(String benchmark, String metric, String unit, List<Double> runs) {
        return new Figure(benchmark, metric, unit, runs, "", null, "");
    }

    /** The same figure held against a goal; {@code atLeast} false means the goal is a ceiling. */
    public Figure goal(String text, double limit, boolean atLeast) {
        boolean ok = atLeast ? median() >= limit : median() <= limit;
        return new Figure(benchmark, metric, unit, runs, text, ok, note);
    }

    public Figure note(String text) {
        return new Figure(benchmark, metric, unit, runs, goal, met, text);
    }

    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    public double median() {
        double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** A number as the report shows it: three significant figures at least, thousands separated. */
    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%,.1f" : magnitude >= 1 ? "%,.2f" : "%,.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    public String verdict() {
        return met == null ? "" : met ? "met" : "missed";
    }
}
