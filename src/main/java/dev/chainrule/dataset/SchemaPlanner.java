package dev.chainrule.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns column profiles into a storage plan. The rules: a column whose present values are all
 * numbers is numeric, any other is categorical (a missing value is its own category, listed last).
 * The task is {@code task} when given; otherwise a non-numeric target means classification, a
 * numeric target with whole-number values and at most {@code autoClassificationMaxClasses}
 * distinct values means classification, anything else regression. Several targets are always
 * regression targets, each numeric. Classes are sorted numerically
 * when the target is numeric, else as strings.
 */
final class SchemaPlanner {

    private final DatasetProperties properties;

    SchemaPlanner(DatasetProperties properties) {
        this.properties = properties;
    }

    DatasetPlan plan(CsvProfile profile, Task requestedTask) {
        for (int index : profile.targetIndexes()) {
            ColumnProfile target = profile.columns().get(index);
            if (target.missing() > 0) {
                throw DatasetProblems.missingTarget(target.name(), target.firstMissingRow());
            }
        }
        boolean several = profile.targetIndexes().size() > 1;
        if (several && requestedTask == Task.CLASSIFICATION) {
            throw DatasetProblems.severalClassificationTargets(profile.targetIndexes().size());
        }
        Task task = requestedTask != null ? requestedTask
                : several ? Task.REGRESSION : inferTask(profile.columns().get(profile.targetIndexes().get(0)));
        List<ColumnPlan> columns = new ArrayList<>();
        for (int i = 0; i < profile.columns().size(); i++) {
            ColumnProfile column = profile.columns().get(i);
            columns.add(profile.isTarget(i) ? targetPlan(i, column, task) : featurePlan(i, column));
        }
        return new DatasetPlan(task, profile.targetIndexes(), profile.rows(), columns);
    }

    private Task inferTask(ColumnProfile target) {
        if (!target.numeric()) {
            return Task.CLASSIFICATION;
        }
        boolean fewWholeNumbers = target.integral() && !target.tooManyDistinct()
                && target.distinct().size() <= properties.autoClassificationMaxClasses();
        return fewWholeNumbers ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    private ColumnPlan featurePlan(int index, ColumnProfile column) {
        if (column.numeric()) {
            return numericPlan(index, column);
        }
        if (column.tooManyDistinct()) {
            throw DatasetProblems.tooManyCategories(column.name(), properties.maxCategories());
        }
        int[] finalCodes = new int[column.distinct().size()];
        List<Category> categories = new ArrayList<>();
        for (Map.Entry<String, int[]> entry : new TreeMap<>(column.distinct()).entrySet()) {
            finalCodes[entry.getValue()[1]] = categories.size();
            categories.add(new Category(entry.getKey(), entry.getValue()[0], false));
        }
        if (column.missing() > 0) {
            categories.add(new Category(FeatureColumn.Categorical.MISSING, column.missing(), true));
        }
        return new ColumnPlan(index, column.name(), ColumnType.CATEGORICAL, column.missing(), null, categories,
                finalCodes);
    }

    private static ColumnPlan numericPlan(int index, ColumnProfile column) {
        return new ColumnPlan(index, column.name(), ColumnType.NUMERIC, column.missing(), column.summary(), List.of(),
                null);
    }

    private ColumnPlan targetPlan(int index, ColumnProfile column, Task task) {
        if (task == Task.REGRESSION) {
            if (!column.numeric()) {
                throw DatasetProblems.nonNumericTarget(column.name(), column.firstTextRow(), column.firstText());
            }
            return numericPlan(index, column);
        }
        if (column.tooManyDistinct()) {
            throw DatasetProblems.tooManyClasses(column.name(), properties.maxCategories());
        }
        // Numeric labels are grouped by value, so "1" and "1.0" are one class named "1".
        Comparator<String> order = column.numeric()
                ? Comparator.comparingDouble(Float::parseFloat)
                : Comparator.naturalOrder();
        Map<String, int[]> counts = new TreeMap<>(order);
        Map<String, String> labelOf = new HashMap<>();
        for (Map.Entry<String, int[]> entry : column.distinct().entrySet()) {
            String label = column.numeric() ? numericLabel(Cells.parseNumber(entry.getKey())) : entry.getKey();
            labelOf.put(entry.getKey(), label);
            counts.computeIfAbsent(label, l -> new int[1])[0] += entry.getValue()[0];
        }
        if (counts.size() < 2) {
            throw DatasetProblems.singleClass(column.name(), counts.keySet().iterator().next());
        }
        List<Category> classes = new ArrayList<>();
        Map<String, Integer> classIndex = new HashMap<>();
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            classIndex.put(entry.getKey(), classes.size());
            classes.add(new Category(entry.getKey(), entry.getValue()[0], false));
        }
        int[] finalCodes = new int[column.distinct().size()];
        column.distinct().forEach((raw, entry) -> finalCodes[entry[1]] = classIndex.get(labelOf.get(raw)));
        ColumnType type = column.numeric() ? ColumnType.NUMERIC : ColumnType.CATEGORICAL;
        return new ColumnPlan(index, column.name(), type, 0, column.summary(), classes, finalCodes);
    }

    static String numericLabel(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Float.toString(value);
    }
}
