package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The decoded-dataset cache keeps what fits its budget, least recently used out first. */
class DecodedDatasetCacheTest {

    /** rows × (1 feature + 1 target) × 4 bytes. */
    private static DatasetData data(int rows) {
        return new DatasetData(UUID.randomUUID(), "d", Task.REGRESSION, rows,
                List.of(new FeatureColumn.Numeric("x", new float[rows])),
                new TargetColumn.Values("y", new float[rows]));
    }

    @Test
    void aSecondReadDoesNotDecodeAgain() {
        DecodedDatasetCache cache = new DecodedDatasetCache(1_000);
        DatasetData data = data(10);
        AtomicInteger decodes = new AtomicInteger();

        cache.get(data.id(), () -> { decodes.incrementAndGet(); return data; });
        DatasetData again = cache.get(data.id(), () -> { decodes.incrementAndGet(); return data(10); });

        assertThat(again).isSameAs(data);
        assertThat(decodes).hasValue(1);
    }

    @Test
    void theLeastRecentlyUsedGoesWhenTheBudgetIsFull() {
        DecodedDatasetCache cache = new DecodedDatasetCache(200); // 80 bytes each: two fit
        DatasetData a = data(10);
        DatasetData b = data(10);
        DatasetData c = data(10);
        cache.get(a.id(), () -> a);
        cache.get(b.id(), () -> b);
        cache.get(a.id(), () -> a); // a used last

        cache.get(c.id(), () -> c);

        assertThat(cache.holds(a.id())).isTrue();
        assertThat(cache.holds(b.id())).isFalse();
        assertThat(cache.holds(c.id())).isTrue();
    }

    @Test
    void aDatasetLargerThanTheBudgetIsNeverKept() {
        DecodedDatasetCache cache = new DecodedDatasetCache(100);
        DatasetData large = data(20);

        assertThat(cache.get(large.id(), () -> large)).isSameAs(large);
        assertThat(cache.holds(large.id())).isFalse();
    }

    @Test
    void evictForgetsAndFreesTheBudget() {
        DecodedDatasetCache cache = new DecodedDatasetCache(100);
        DatasetData a = data(10);
        DatasetData b = data(10);
        cache.get(a.id(), () -> a);

        cache.evict(a.id());
        cache.get(b.id(), () -> b);

        assertThat(cache.holds(a.id())).isFalse();
        assertThat(cache.holds(b.id())).isTrue();
    }
}
