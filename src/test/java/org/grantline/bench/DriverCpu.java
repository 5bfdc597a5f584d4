package org.grantline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The calling thread's CPU time, where the JVM measures it (HotSpot on Linux does). */
final class DriverCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static boolean available() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** Seconds of CPU the calling thread has used; NaN where the JVM does not measure it. */
    static double seconds() {
        return available() ? THREADS.getCurrentThreadCpuTime() / 1e9 : Double.NaN;
    }

    private DriverCpu() {
    }
}
