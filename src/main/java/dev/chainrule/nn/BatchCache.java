package dev.chainrule.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Work arrays per batch size: training sees the full batch size and one last partial batch, so a
 * few entries are enough and nothing is allocated in the steady state.
 */
final class BatchCache<T> {

    private static final int CAPACITY = 4;

    private final IntFunction<T> factory;
    private final Map<Integer, T> entries = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, T> eldest) {
            return size() > CAPACITY;
        }
    };

    BatchCache(IntFunction<T> factory) {
        this.factory = factory;
    }

    T forRows(int rows) {
        return entries.computeIfAbsent(rows, factory::apply);
    }
}
