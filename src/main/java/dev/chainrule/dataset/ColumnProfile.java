package dev.chainrule.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * What the first pass learns about one column: whether every present value is a number, how many
 * are missing, statistics of the numbers, and the distinct values with their counts (tracked only
 * up to the category cap, since a column with more can only be numeric or refused).
 */
final class ColumnProfile {

    private final String name;
    private final int maxDistinct;
    private Map<String, int[]> counts = new HashMap<>();
    private int missing;
    private long firstMissingRow;
    private boolean numeric = true;
    private boolean integral = true;
    private long firstTextRow;
    private String firstText;
    private long present;
    private double mean;
    private double sumOfSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    ColumnProfile(String name, int maxDistinct) {
        this.name = name;
        this.maxDistinct = maxDistinct;
    }

    void accept(String field, long row) {
        String value = Cells.trim(field);
        if (Cells.isMissing(value)) {
            if (missing++ == 0) {
                firstMissingRow = row;
            }
            return;
        }
        if (numeric) {
            float number = Cells.parseNumber(value);
            if (Float.isNaN(number)) {
                requireText(value, row);
                numeric = false;
                firstTextRow = row;
                firstText = value;
            } else {
                addNumber(number);
            }
        }
        if (counts != null) {
            int[] count = counts.get(value);
            if (count != null) {
                count[0]++;
            } else if (counts.size() < maxDistinct) {
                requireText(value, row);
                counts.put(value, new int[] {1});
            } else {
                counts = null;
            }
        }
    }

    // Every distinct text value passes here once, so checking only these finds any invalid byte
    // (except in a column that is refused for too many categories anyway).
    private void requireText(String value, long row) {
        if (value.indexOf(Cells.REPLACEMENT_CHARACTER) >= 0) {
            throw DatasetProblems.notText(row, name);
        }
    }

    // Welford's update: one pass, no cancellation on large means.
    private void addNumber(float number) {
        present++;
        double delta = number - mean;
        mean += delta / present;
        sumOfSquares += delta * (number - mean);
        min = Math.min(min, number);
        max = Math.max(max, number);
        if (integral && number != Math.rint(number)) {
            integral = false;
        }
    }

    String name() {
        return name;
    }

    int missing() {
        return missing;
    }

    long firstMissingRow() {
        return firstMissingRow;
    }

    boolean numeric() {
        return numeric;
    }

    /** Every present value is a whole number (false unless {@link #numeric()}). */
    boolean integral() {
        return numeric && integral;
    }

    long firstTextRow() {
        return firstTextRow;
    }

    String firstText() {
        return firstText;
    }

    /** Null when no value is present or the column is not numeric. */
    NumericSummary summary() {
        if (!numeric || present == 0) {
            return null;
        }
        return new NumericSummary(min, max, mean, Math.sqrt(sumOfSquares / present));
    }

    /** True when the column had more distinct present values than the cap. */
    boolean tooManyDistinct() {
        return counts == null;
    }

    /** Distinct present values and their counts; only when {@link #tooManyDistinct()} is false. */
    Map<String, int[]> distinct() {
        if (counts == null) {
            throw new IllegalStateException("Column " + name + " had more than " + maxDistinct + " distinct values");
        }
        return counts;
    }
}
