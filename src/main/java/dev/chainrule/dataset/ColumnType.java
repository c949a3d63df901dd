package dev.chainrule.dataset;

import java.util.Locale;

/** What a column's values are: all numbers (or missing), or anything else. */
enum ColumnType {
    NUMERIC, CATEGORICAL;

    String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
