package dev.chainrule.bench;

import java.lang.management.ManagementFactory;

import org.bytedeco.javacpp.Pointer;

/**
 * Heap bytes allocated by the current thread and the change of JavaCPP's off-heap total between
 * consecutive marks, summed over the intervals that {@link #mark(boolean)} counts. Reading the
 * counters allocates nothing, so the meter does not disturb what it measures.
 */
final class AllocationMeter {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long lastHeap;
    private long lastOffHeap;
    private boolean started;
    private long heapSum;
    private long offHeapSum;
    private long intervals;

    /** Ends the interval since the previous mark (added to the sums when {@code count}) and starts the next. */
    void mark(boolean count) {
        long heap = THREADS.getCurrentThreadAllocatedBytes();
        long offHeap = Pointer.totalBytes();
        if (started && count) {
            heapSum += heap - lastHeap;
            offHeapSum += offHeap - lastOffHeap;
            intervals++;
        }
        started = true;
        lastHeap = heap;
        lastOffHeap = offHeap;
    }

    double heapPerInterval() {
        return intervals == 0 ? Double.NaN : heapSum / (double) intervals;
    }

    double offHeapPerInterval() {
        return intervals == 0 ? Double.NaN : offHeapSum / (double) intervals;
    }
}
