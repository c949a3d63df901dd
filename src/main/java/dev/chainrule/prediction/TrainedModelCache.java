package dev.chainrule.prediction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;

/**
 * A small LRU of loaded models keyed by (job, version). Asking for the version is cheap; decoding
 * parameters and building the network is not, so a model is loaded again only when its job's
 * parameters changed (or it fell out of the cache). A job keeps at most one entry.
 */
@Component
class TrainedModelCache {

    private final TrainedModels trainedModels;
    private final Map<UUID, TrainedModel> byJob;

    TrainedModelCache(TrainedModels trainedModels, PredictionLimits limits) {
        this.trainedModels = trainedModels;
        int capacity = limits.cacheSize();
        this.byJob = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, TrainedModel> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The job's current model; throws the 404/409 problems of {@link TrainedModels}. */
    TrainedModel get(UUID jobId) {
        long version = trainedModels.currentVersion(jobId);
        synchronized (byJob) {
            TrainedModel cached = byJob.get(jobId);
            if (cached != null && cached.version() == version) {
                return cached;
            }
        }
        // Loaded outside the lock: requests for other jobs need not wait for this one's decoding.
        TrainedModel loaded = trainedModels.load(jobId);
        synchronized (byJob) {
            TrainedModel current = byJob.get(jobId);
            if (current == null || current.version() <= loaded.version()) {
                byJob.put(jobId, loaded);
            }
        }
        return loaded;
    }
}
