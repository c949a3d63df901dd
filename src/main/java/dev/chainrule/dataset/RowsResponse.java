package dev.chainrule.dataset;

import java.util.List;

/**
 * Stored rows as arrays in column order: numbers as numbers, categories and class labels as
 * strings (numeric class labels as numbers), missing values as null.
 *
 * @param total the dataset's row count
 */
record RowsResponse(int offset, int limit, int total, List<String> columns, List<List<Object>> rows) {
}
