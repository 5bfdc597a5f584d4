package org.grantline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The current thread's CPU time, where the JVM measures it (HotSpot on Linux does); else -1. */
final class DriverCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    static boolean measured() {
        return THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    static long nanos() {
        return measured() ? THREADS.getCurrentThreadCpuTime() : -1;
    }

    private DriverCpu() {
    }
}
