package dev.chainrule.dataset;

import java.util.List;

/** The result of the first pass: header, the target columns' indexes, row count and one profile per column. */
record CsvProfile(List<String> header, List<Integer> targetIndexes, int rows, List<ColumnProfile> columns) {

    boolean isTarget(int index) {
        return targetIndexes.contains(index);
    }
}
