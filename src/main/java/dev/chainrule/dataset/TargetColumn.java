package dev.chainrule.dataset;

import java.util.List;

/** The stored target column (or columns, for a multi-target regression), decoded for training. */
public sealed interface TargetColumn permits TargetColumn.Classes, TargetColumn.Values, TargetColumn.Several {

    /** The column's name; several targets' names joined by commas. */
    String name();

    /** {@code labels[i]} indexes {@code classes} (sorted numerically when all numeric, else as strings). */
    record Classes(String name, List<String> classes, int[] labels) implements TargetColumn {
    }

    /** Regression values as float32. */
    record Values(String name, float[] values) implements TargetColumn {
    }

    /** Two or more regression targets, in column order. */
    record Several(List<Values> targets) implements TargetColumn {

        public Several {
            targets = List.copyOf(targets);
            if (targets.size() < 2) {
                throw new IllegalArgumentException("several targets need at least 2 columns, got " + targets.size());
            }
        }

        @Override
        public String name() {
            return String.join(",", names());
        }

        public List<String> names() {
            return targets.stream().map(Values::name).toList();
        }
    }
}
