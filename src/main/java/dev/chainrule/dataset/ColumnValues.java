package dev.chainrule.dataset;

/** A range of one stored column: float32 values (missing = NaN) or dictionary codes. */
record ColumnValues(DatasetColumn column, float[] numbers, int[] codes) {
}
