package dev.chainrule.encoding;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

/**
 * Matches a dataset's columns to fitted encodings by name, so a scored dataset may order its columns
 * differently (or carry extra ones) as long as every trained column is there with the same type.
 */
final class DatasetColumns {

    private DatasetColumns() {
    }

    /** The dataset column for each encoding, in encoding order; 422 naming every column that does not fit. */
    static List<FeatureColumn> bind(List<FeatureEncoding> encodings, DatasetData data) {
        List<FeatureColumn> bound = new ArrayList<>(encodings.size());
        List<Fault> errors = new ArrayList<>();
        for (FeatureEncoding encoding : encodings) {
            FeatureColumn column = find(data, encoding.name());
            if (column == null) {
                errors.add(Fault.atColumn(encoding.name(),
                        "The model was trained with column '" + encoding.name() + "', which the dataset lacks."));
            } else if (encoding instanceof FeatureEncoding.Numeric != column instanceof FeatureColumn.Numeric) {
                errors.add(Fault.atColumn(encoding.name(), "Column '" + encoding.name() + "' is "
                        + kind(column) + " in the dataset but was " + kind(encoding) + " in training."));
            }
            bound.add(column);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("dataset-mismatch", "Dataset does not match the model",
                    errors.size() == 1 ? errors.get(0).message()
                            : errors.size() + " columns of dataset " + data.id() + " do not match the trained model.",
                    errors);
        }
        return bound;
    }

    /** For each of the column's category codes, its one-hot position in the encoding (-1 when unseen). */
    static int[] categoryRemap(FeatureEncoding.Categorical encoding, FeatureColumn.Categorical column) {
        int[] position = new int[column.categories().size()];
        for (int code = 0; code < position.length; code++) {
            position[code] = encoding.indexOf(column.categories().get(code));
        }
        return position;
    }

    /** For each of the target column's class indices, the index in {@code classes}. */
    static int[] classRemap(List<String> classes, TargetColumn.Classes column) {
        int[] index = new int[column.classes().size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = classes.indexOf(column.classes().get(k));
            if (index[k] < 0) {
                throw new IllegalArgumentException("class '" + column.classes().get(k) + "' of target '"
                        + column.name() + "' is not one of the fitted classes " + classes);
            }
        }
        return index;
    }

    private static FeatureColumn find(DatasetData data, String name) {
        return data.features().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static String kind(Object columnOrEncoding) {
        return columnOrEncoding instanceof FeatureColumn.Numeric || columnOrEncoding instanceof FeatureEncoding.Numeric
                ? "numeric" : "categorical";
    }
}
