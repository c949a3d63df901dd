package dev.chainrule.dataset;

import java.util.List;
import java.util.Map;

/**
 * How one column is stored: as float32 values ({@code codes} null) or as codes into
 * {@code categories}, looked up by the trimmed field text.
 */
record ColumnPlan(int index, String name, ColumnType type, int missing, NumericSummary summary,
        List<Category> categories, Map<String, Integer> codes) {

    boolean storedAsCodes() {
        return codes != null;
    }

    /** The code of a missing value, or -1 when the column has none. */
    int missingCode() {
        return !categories.isEmpty() && categories.get(categories.size() - 1).missing() ? categories.size() - 1 : -1;
    }
}
