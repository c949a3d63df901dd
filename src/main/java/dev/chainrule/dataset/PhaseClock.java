package dev.chainrule.dataset;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Wall time, the calling thread's CPU time and the whole process's CPU time (which adds the
 * collector and the database's background writer) since the last lap. On a shared machine the
 * wall time says how long a user waited; the CPU times say what the work itself costs.
 */
final class PhaseClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long wall;
    private long threadCpu;
    private long processCpu;

    PhaseClock() {
        lap();
    }

    /** What was spent since the previous lap (or since creation). */
    Lap lap() {
        long nowWall = System.nanoTime();
        long nowThread = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
        long nowProcess = processCpuNanos();
        Lap lap = new Lap(nowWall - wall, nowThread - threadCpu, nowProcess - processCpu);
        wall = nowWall;
        threadCpu = nowThread;
        processCpu = nowProcess;
        return lap;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    record Lap(long wallNanos, long threadCpuNanos, long processCpuNanos) {

        /** Megabytes per second of wall time. */
        long rate(long bytes) {
            return Math.round(bytes * 1e3 / Math.max(1, wallNanos));
        }

        @Override
        public String toString() {
            return "%d ms (thread CPU %d ms, process CPU %d ms)".formatted(wallNanos / 1_000_000,
                    threadCpuNanos / 1_000_000, processCpuNanos / 1_000_000);
        }
    }
}
