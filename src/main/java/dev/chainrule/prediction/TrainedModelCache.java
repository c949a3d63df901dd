package dev.chainrule.prediction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;
import dev.chainrule.job.TrainedParametersChanged;

/**
 * A small LRU of loaded models, one entry per job. Decoding parameters and building the network is
 * expensive, and so is a database round-trip per request at the framework's floor: a cached model is
 * served without asking for its version again, until either
 * <ul>
 * <li>this instance changes the job's parameters ({@link TrainedParametersChanged}, after the commit):
 * the next request asks at once, or
 * <li>{@code versionCheckInterval} has passed: the bound on how long a change made by another instance
 * (a worker training the job) goes unseen.
 * </ul>
 * A model and its version travel together, so an answer is always the named version's.
 */
@Component
class TrainedModelCache {

    private final TrainedModels trainedModels;
    private final long checkIntervalNanos;
    private final Map<UUID, Entry> byJob;

    TrainedModelCache(TrainedModels trainedModels, PredictionLimits limits) {
        this.trainedModels = trainedModels;
        this.checkIntervalNanos = limits.versionCheckInterval().toNanos();
        int capacity = limits.cacheSize();
        this.byJob = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The job's current model; throws the 404/409 problems of {@link TrainedModels}. */
    TrainedModel get(UUID jobId) {
        long now = System.nanoTime();
        long changesSeen;
        synchronized (byJob) {
            Entry cached = byJob.get(jobId);
            if (cached != null && cached.fresh(now, checkIntervalNanos)) {
                return cached.model;
            }
            changesSeen = cached == null ? 0 : cached.changes;
        }
        long version = trainedModels.currentVersion(jobId);
        synchronized (byJob) {
            Entry cached = byJob.get(jobId);
            if (cached != null && cached.model.version() == version) {
                cached.checked(now, changesSeen);
                return cached.model;
            }
        }
        // Loaded outside the lock: requests for other jobs need not wait for this one's decoding.
        TrainedModel loaded = trainedModels.load(jobId);
        synchronized (byJob) {
            Entry current = byJob.get(jobId);
            if (current == null || current.model.version() <= loaded.version()) {
                Entry entry = new Entry(loaded, current == null ? 0 : current.changes);
                entry.checked(now, changesSeen);
                byJob.put(jobId, entry);
            }
        }
        return loaded;
    }

    /** The job's parameters changed on this instance: ask for the version on the next request. */
    @EventListener
    void changed(TrainedParametersChanged event) {
        synchronized (byJob) {
            Entry cached = byJob.get(event.jobId());
            if (cached != null) {
                cached.changes++;
            }
        }
    }

    /** A cached model, when its version was last confirmed, and how many pushed changes it has seen. */
    private static final class Entry {
        final TrainedModel model;
        long changes;
        long confirmedChanges = -1;
        long checkedAt;

        Entry(TrainedModel model, long changes) {
            this.model = model;
            this.changes = changes;
        }

        boolean fresh(long now, long interval) {
            return confirmedChanges == changes && now - checkedAt < interval;
        }

        /**
         * The version read from the database is current as of the changes seen before reading it; a
         * change pushed while it was being read leaves the entry to be checked again.
         */
        void checked(long now, long changesSeenBefore) {
            checkedAt = now;
            confirmedChanges = changesSeenBefore;
        }
    }
}
