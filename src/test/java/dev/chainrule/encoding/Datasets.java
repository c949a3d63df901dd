package dev.chainrule.encoding;

import java.util.List;
import java.util.UUID;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.dataset.TargetColumn;

/** Small hand-built datasets whose statistics can be worked out on paper. */
final class Datasets {

    static final String MISSING = FeatureColumn.Categorical.MISSING;

    private Datasets() {
    }

    /** x = 1, 2, NaN, 5, 100; color = red, green, missing, red, green; class = a, b, c, b, a. */
    static DatasetData threeClasses() {
        return new DatasetData(UUID.randomUUID(), "three", Task.CLASSIFICATION, 5, List.of(
                new FeatureColumn.Numeric("x", new float[] {1, 2, Float.NaN, 5, 100}),
                new FeatureColumn.Categorical("color", List.of("red", "green", MISSING), new int[] {0, 1, 2, 0, 1})),
                new TargetColumn.Classes("class", List.of("a", "b", "c"), new int[] {0, 1, 2, 1, 0}));
    }

    /** x = 1, 2, NaN, 5, 100; y = 10, 20, 30, 40, 1000. */
    static DatasetData regression() {
        return new DatasetData(UUID.randomUUID(), "reg", Task.REGRESSION, 5, List.of(
                new FeatureColumn.Numeric("x", new float[] {1, 2, Float.NaN, 5, 100})),
                new TargetColumn.Values("y", new float[] {10, 20, 30, 40, 1000}));
    }

    /** One numeric feature and two classes "no", "yes". */
    static DatasetData twoClasses() {
        return new DatasetData(UUID.randomUUID(), "two", Task.CLASSIFICATION, 4, List.of(
                new FeatureColumn.Numeric("x", new float[] {0, 1, 2, 3})),
                new TargetColumn.Classes("label", List.of("no", "yes"), new int[] {0, 1, 1, 0}));
    }

    static DatasetData withFeatures(DatasetData data, List<FeatureColumn> features) {
        return new DatasetData(UUID.randomUUID(), data.name(), data.task(), data.rows(), features, data.target());
    }
}
