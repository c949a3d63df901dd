package dev.chainrule.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;
import dev.chainrule.job.TrainedParametersChanged;
import dev.chainrule.nn.Network;

class TrainedModelCacheTest {

    /** Versions set by the test; every load builds a new model object and is counted. */
    static final class CountingModels implements TrainedModels {
        final Map<UUID, Long> versions = new HashMap<>();
        int loads;
        int asks;

        @Override
        public long currentVersion(UUID jobId) {
            asks++;
            return versions.get(jobId);
        }

        @Override
        public TrainedModel load(UUID jobId) {
            loads++;
            return new TrainedModel(jobId, versions.get(jobId), mock(Network.class), mock(Preprocessing.class));
        }
    }

    private final CountingModels models = new CountingModels();
    private final TrainedModelCache cache = new TrainedModelCache(models, new PredictionLimits(100, 100, 2, Duration.ZERO));

    @Test
    void returnsTheSameModelUntilTheVersionChanges() {
        UUID job = UUID.randomUUID();
        models.versions.put(job, 1L);

        TrainedModel first = cache.get(job);
        TrainedModel again = cache.get(job);
        models.versions.put(job, 2L);
        TrainedModel newer = cache.get(job);

        assertThat(again).isSameAs(first);
        assertThat(newer).isNotSameAs(first);
        assertThat(newer.version()).isEqualTo(2L);
        assertThat(cache.get(job)).isSameAs(newer);
        assertThat(models.loads).isEqualTo(2);
    }

    @Test
    void evictsTheLeastRecentlyUsedModelBeyondItsCapacity() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        models.versions.putAll(Map.of(a, 1L, b, 1L, c, 1L));

        TrainedModel modelA = cache.get(a);
        cache.get(b);
        cache.get(a);
        cache.get(c);

        assertThat(cache.get(a)).isSameAs(modelA);
        assertThat(models.loads).isEqualTo(3);
        cache.get(b);
        assertThat(models.loads).isEqualTo(4);
    }

    @Test
    void withAnIntervalTheVersionIsAskedOnceAPushedChangeIsSeenAtOnce() {
        CountingModels counted = new CountingModels();
        TrainedModelCache slow = new TrainedModelCache(counted, new PredictionLimits(100, 100, 2, Duration.ofHours(1)));
        UUID job = UUID.randomUUID();
        counted.versions.put(job, 1L);

        TrainedModel first = slow.get(job);
        counted.versions.put(job, 2L); // changed elsewhere, not pushed: served from the cache
        TrainedModel unchecked = slow.get(job);
        slow.changed(new TrainedParametersChanged(job));
        TrainedModel pushed = slow.get(job);

        assertThat(unchecked).isSameAs(first);
        assertThat(pushed.version()).isEqualTo(2L);
        assertThat(slow.get(job)).isSameAs(pushed);
        assertThat(counted.loads).isEqualTo(2);
        assertThat(counted.asks).as("the version asked for once per load, not per request").isEqualTo(2);
    }
}
