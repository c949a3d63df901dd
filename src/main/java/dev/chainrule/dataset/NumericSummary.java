package dev.chainrule.dataset;

/** Statistics of a column's present numeric values; {@code std} is the population deviation. */
record NumericSummary(double min, double max, double mean, double std) {
}
