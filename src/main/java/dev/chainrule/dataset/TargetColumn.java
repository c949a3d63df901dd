package dev.chainrule.dataset;

import java.util.List;

/** The stored target column, decoded for training. */
public sealed interface TargetColumn permits TargetColumn.Classes, TargetColumn.Values {

    String name();

    /** {@code labels[i]} indexes {@code classes} (sorted numerically when all numeric, else as strings). */
    record Classes(String name, List<String> classes, int[] labels) implements TargetColumn {
    }

    /** Regression values as float32. */
    record Values(String name, float[] values) implements TargetColumn {
    }
}
