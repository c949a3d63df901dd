package dev.chainrule.dataset;

import java.util.List;

/** Everything decided after the first pass: the task, which columns are targets, and how each column is stored. */
record DatasetPlan(Task task, List<Integer> targetIndexes, int rows, List<ColumnPlan> columns) {
}
