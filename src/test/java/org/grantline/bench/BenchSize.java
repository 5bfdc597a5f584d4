package org.grantline.bench;

/**
 * How big a benchmark run is: {@code -Dbench.size=full} (the default, the sizes the issue asks for), {@code small}
 * (a tenth, for a quick look) or {@code smoke} (tiny, only to show everything still works), and
 * {@code -Dbench.runs} measured repetitions (default 3) after a warm-up.
 */
public enum BenchSize {
    SMOKE, SMALL, FULL;

    public static BenchSize current() {
        return valueOf(System.getProperty("bench.size", "full").toUpperCase());
    }

    public static int runs() {
        return Integer.getInteger("bench.runs", 3);
    }

    /** The count for this size: full as given, small a tenth, smoke the given smoke count. */
    public int of(int full, int smoke) {
        return switch (this) {
            case FULL -> full;
            case SMALL -> Math.max(smoke, full / 10);
            case SMOKE -> smoke;
        };
    }

    public String label() {
        return name().toLowerCase();
    }
}
