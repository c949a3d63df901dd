package dev.chainrule.dataset;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Decoded datasets kept across jobs, least recently used first out, within a budget of bytes: the
 * trials of a search, and a job after its own creation, read the same rows again. A stored dataset
 * never changes, so an entry stays right until the dataset is deleted ({@link #evict}); a dataset
 * larger than the budget is decoded every time and never kept.
 */
final class DecodedDatasetCache {

    private final long budgetBytes;
    private final Map<UUID, DatasetData> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long usedBytes;

    DecodedDatasetCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    DatasetData get(UUID id, Supplier<DatasetData> decode) {
        synchronized (this) {
            DatasetData cached = entries.get(id);
            if (cached != null) {
                return cached;
            }
        }
        // decoded outside the lock: two jobs decoding two datasets do not wait for each other
        DatasetData decoded = decode.get();
        keep(decoded);
        return decoded;
    }

    synchronized void evict(UUID id) {
        DatasetData removed = entries.remove(id);
        if (removed != null) {
            usedBytes -= bytes(removed);
        }
    }

    synchronized boolean holds(UUID id) {
        return entries.containsKey(id);
    }

    private synchronized void keep(DatasetData data) {
        long size = bytes(data);
        if (size > budgetBytes || entries.containsKey(data.id())) {
            return;
        }
        Iterator<DatasetData> oldest = entries.values().iterator();
        while (usedBytes + size > budgetBytes && oldest.hasNext()) {
            usedBytes -= bytes(oldest.next());
            oldest.remove();
        }
        entries.put(data.id(), data);
        usedBytes += size;
    }

    /** Four bytes a value (float32 numbers, int codes), per feature and target column. */
    static long bytes(DatasetData data) {
        int columns = data.features().size() + targetColumns(data.target());
        return 4L * data.rows() * columns;
    }

    private static int targetColumns(TargetColumn target) {
        return target instanceof TargetColumn.Several several ? several.targets().size() : 1;
    }
}
