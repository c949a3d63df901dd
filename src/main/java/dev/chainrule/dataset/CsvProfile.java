package dev.chainrule.dataset;

import java.util.List;

/** The result of the first pass: header, row count and one profile per column. */
record CsvProfile(List<String> header, int targetIndex, int rows, List<ColumnProfile> columns) {

    ColumnProfile target() {
        return columns.get(targetIndex);
    }
}
