package dev.chainrule.dataset;

import java.util.HashMap;
import java.util.Map;

/**
 * What the single pass over an upload learns about one column, and the column's values kept for
 * storing: whether every present value is a number, how many are missing, statistics of the
 * numbers, and the distinct values with their counts (tracked only up to the category cap, since
 * a column with more can only be numeric or refused).
 *
 * <p>Since the type is known only at the end, two spools record the column while both readings
 * remain possible: float32 values while it is numeric, and provisional codes (first-seen order,
 * -1 for missing) while it has at most the cap of distinct values. A column that turns to text
 * after a million numbers therefore still has its codes; one with more distinct values than the
 * cap is numeric or refused, so it never needs them.
 */
final class ColumnProfile {

    static final int MISSING_CODE = -1;

    private final String name;
    private final int maxDistinct;
    private Map<String, int[]> counts = new HashMap<>();
    private IntSpool numbers;
    private IntSpool codes;
    private int missing;
    private long firstMissingRow;
    private boolean integral = true;
    private long firstTextRow;
    private String firstText;
    private long present;
    private double shift;
    private double shiftedSum;
    private double shiftedSquares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    ColumnProfile(String name, int maxDistinct, IntSpool numbers, IntSpool codes) {
        this.name = name;
        this.maxDistinct = maxDistinct;
        this.numbers = numbers;
        this.codes = codes;
    }

    void accept(String field, long row) {
        String value = Cells.trim(field);
        if (Cells.isMissing(value)) {
            if (missing++ == 0) {
                firstMissingRow = row;
            }
            if (numbers != null) {
                numbers.putFloat(Float.NaN);
            }
            if (codes != null) {
                codes.put(MISSING_CODE);
            }
            return;
        }
        if (numbers != null) {
            float number = Cells.parseNumber(value);
            if (Float.isNaN(number)) {
                requireText(value, row);
                firstTextRow = row;
                firstText = value;
                numbers.close();
                numbers = null;
            } else {
                numbers.putFloat(number);
                addNumber(number);
            }
        }
        if (counts != null) {
            int[] entry = counts.get(value);
            if (entry == null && counts.size() < maxDistinct) {
                requireText(value, row);
                entry = new int[] {0, counts.size()};
                counts.put(value, entry);
            }
            if (entry != null) {
                entry[0]++;
                codes.put(entry[1]);
            } else {
                counts = null;
                codes.close();
                codes = null;
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

    // Sums around the first value: one pass, no division per value, no cancellation on large means.
    private void addNumber(float number) {
        if (present++ == 0) {
            shift = number;
        }
        double shifted = number - shift;
        shiftedSum += shifted;
        shiftedSquares += shifted * shifted;
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
        return numbers != null;
    }

    /** Every present value is a whole number (false unless {@link #numeric()}). */
    boolean integral() {
        return numeric() && integral;
    }

    long firstTextRow() {
        return firstTextRow;
    }

    String firstText() {
        return firstText;
    }

    /** Null when no value is present or the column is not numeric. */
    NumericSummary summary() {
        if (!numeric() || present == 0) {
            return null;
        }
        double meanShift = shiftedSum / present;
        double variance = Math.max(0, shiftedSquares / present - meanShift * meanShift);
        return new NumericSummary(min, max, shift + meanShift, Math.sqrt(variance));
    }

    /** True when the column had more distinct present values than the cap. */
    boolean tooManyDistinct() {
        return counts == null;
    }

    /**
     * Distinct present values, each with {count, provisional code}; only when
     * {@link #tooManyDistinct()} is false.
     */
    Map<String, int[]> distinct() {
        if (counts == null) {
            throw new IllegalStateException("Column " + name + " had more than " + maxDistinct + " distinct values");
        }
        return counts;
    }

    /** The float32 values, ready to read back; only while {@link #numeric()}. */
    IntSpool numbers() {
        numbers.rewind();
        return numbers;
    }

    /** The provisional codes, ready to read back; only while not {@link #tooManyDistinct()}. */
    IntSpool codes() {
        codes.rewind();
        return codes;
    }
}
