package dev.chainrule.dataset;

import dev.chainrule.nn.JsonNamed;

/** What a column's values are: all numbers (or missing), or anything else. */
enum ColumnType implements JsonNamed {
    NUMERIC, CATEGORICAL
}
