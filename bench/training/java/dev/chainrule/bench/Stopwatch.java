package dev.chainrule.bench;

import java.lang.management.ManagementFactory;

/**
 * Wall time and the current thread's CPU time. With one ND4J/BLAS thread all the work runs on the
 * calling thread, so its CPU time is the cost of the work itself, barely disturbed by other
 * processes competing for the cores; wall time includes their interference (and GC threads).
 */
final class Stopwatch {

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long wall;
    private long cpu;

    Stopwatch() {
        restart();
    }

    void restart() {
        wall = System.nanoTime();
        cpu = THREADS.getCurrentThreadCpuTime();
    }

    /** The time since the last (re)start; restarts. */
    Lap lap() {
        long wallNow = System.nanoTime();
        long cpuNow = THREADS.getCurrentThreadCpuTime();
        Lap lap = new Lap((wallNow - wall) / 1e9, (cpuNow - cpu) / 1e9);
        wall = wallNow;
        cpu = cpuNow;
        return lap;
    }

    record Lap(double wallSeconds, double cpuSeconds) {
    }
}
