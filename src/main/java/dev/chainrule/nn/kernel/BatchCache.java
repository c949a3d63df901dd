package dev.chainrule.nn.kernel;

import java.util.function.IntFunction;

/**
 * Work arrays per batch size. Training sees the full batch size and one last partial batch, so a
 * few entries are enough and nothing is allocated in the steady state; a lookup is a scan of an
 * {@code int[]} (a map keyed by {@code Integer} would box every batch size above 127).
 *
 * <p>Entries are never closed: an evicted entry's arrays may still be cached by a kernel or held by
 * a caller, and the garbage collector frees them once nothing refers to them.
 */
public final class BatchCache<T> {

    private static final int CAPACITY = 4;

    private final IntFunction<T> factory;
    private final int[] rows = new int[CAPACITY];
    private final Object[] entries = new Object[CAPACITY];
    private final long[] lastUse = new long[CAPACITY];
    private long clock;

    public BatchCache(IntFunction<T> factory) {
        this.factory = factory;
    }

    @SuppressWarnings("unchecked")
    public T forRows(int count) {
        clock++;
        int oldest = 0;
        for (int i = 0; i < CAPACITY; i++) {
            if (entries[i] != null && rows[i] == count) {
                lastUse[i] = clock;
                return (T) entries[i];
            }
            if (lastUse[i] < lastUse[oldest]) {
                oldest = i;
            }
        }
        T created = factory.apply(count);
        rows[oldest] = count;
        entries[oldest] = created;
        lastUse[oldest] = clock;
        return created;
    }
}
