package dev.chainrule.dataset;

import java.util.List;

/**
 * How one column is stored: as float32 values ({@code finalCodes} null) or as codes into
 * {@code categories}; {@code finalCodes[provisional]} is the stored code of a value the profile
 * saw as {@code provisional}.
 */
record ColumnPlan(int index, String name, ColumnType type, int missing, NumericSummary summary,
        List<Category> categories, int[] finalCodes) {

    boolean storedAsCodes() {
        return finalCodes != null;
    }

    /** The code of a missing value, or -1 when the column has none. */
    int missingCode() {
        return !categories.isEmpty() && categories.get(categories.size() - 1).missing() ? categories.size() - 1 : -1;
    }
}
