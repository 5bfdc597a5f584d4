package org.grantline.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * A warm-up that lasts until the JIT compilers have nearly caught up. grantline's request runs through Spring,
 * Camunda, Drools, Jackson and H2: thousands of methods reach the optimising compiler, and on two cores its one
 * thread was still compiling for most of the measured time after 2,000 submissions (ninth session: 14–21 s of
 * compilation during 16 s of measured HTTP levels). So work runs in batches until one batch's compilation took
 * under a tenth of its wall time, between a floor and a ceiling of units.
 */
final class JitWarmUp {

    /** Compilation time (summed over the compiler threads) per wall time of a batch, below which it is warm. */
    static final double QUIET = 0.10;

    /** Units of work, {@code n} at a time. */
    interface Work {
        void run(int n) throws InterruptedException;
    }

    /** How long the warm-up took: units run and the last batch's compilation share. */
    record Done(int units, double lastShare, boolean quiet) {
        String describe(String unit) {
            return String.format(Locale.ROOT, "%,d %s; %s: the JIT compilers took %.0f %% of the last batch's "
                    + "wall time, the goal %d %%", units, unit, quiet ? "warm" : "cap reached", lastShare * 100,
                    Math.round(QUIET * 100));
        }
    }

    static Done run(int atLeast, int atMost, int batch, Work work) throws InterruptedException {
        int done = 0;
        double share = Double.NaN;
        while (done < atMost) {
            int n = Math.min(batch, atMost - done);
            long compiledBefore = compilationMillis();
            long start = System.nanoTime();
            work.run(n);
            done += n;
            share = (compilationMillis() - compiledBefore) / ((System.nanoTime() - start) / 1e6);
            if (done >= atLeast && share < QUIET) {
                return new Done(done, share, true);
            }
        }
        return new Done(done, share, false);
    }

    /** Summed over the compiler threads; 0 where the JVM has no JIT or does not time it (then only the floor runs). */
    static long compilationMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit == null || !jit.isCompilationTimeMonitoringSupported() ? 0 : jit.getTotalCompilationTime();
    }

    private JitWarmUp() {
    }
}
