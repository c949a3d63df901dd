package dev.chainrule.dataset;

import java.util.List;

/** One stored feature column, decoded for training. */
public sealed interface FeatureColumn permits FeatureColumn.Numeric, FeatureColumn.Categorical {

    String name();

    /** Values as float32; a missing value is {@code NaN}. */
    record Numeric(String name, float[] values) implements FeatureColumn {
    }

    /**
     * Each row's index into {@code categories}. A missing value is its own category, named by
     * {@link #MISSING}, so every code is a valid index.
     */
    record Categorical(String name, List<String> categories, int[] codes) implements FeatureColumn {

        public static final String MISSING = "<missing>";
    }
}
