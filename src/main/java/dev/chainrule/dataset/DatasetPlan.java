package dev.chainrule.dataset;

import java.util.List;

/** Everything decided after the first pass: the task, and how each column is stored. */
record DatasetPlan(Task task, int targetIndex, int rows, List<ColumnPlan> columns) {
}
