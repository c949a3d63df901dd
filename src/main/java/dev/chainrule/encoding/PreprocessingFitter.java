package dev.chainrule.encoding;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.nn.Loss;

/**
 * Fits a {@link Preprocessing} on a job's training rows only, so that no statistic of the validation
 * rows leaks into training: means and standard deviations (population, as NumPy's default) come from
 * {@code trainRows}; the categorical dictionaries and class lists are the dataset's own.
 */
public final class PreprocessingFitter {

    private PreprocessingFitter() {
    }

    /**
     * @throws InvalidInputException when the loss does not fit the dataset's task (see {@link #mismatch})
     */
    public static Preprocessing fit(DatasetData data, int[] trainRows, boolean standardize, Loss loss) {
        int classes = data.target() instanceof TargetColumn.Classes c ? c.classes().size() : 0;
        return fit(data, trainRows, standardize, loss, defaultOutputs(loss, classes));
    }

    /**
     * As {@link #fit(DatasetData, int[], boolean, Loss)} for a model of {@code outputs} output units,
     * which decides how classes are encoded (see {@link #classEncoding}).
     */
    public static Preprocessing fit(DatasetData data, int[] trainRows, boolean standardize, Loss loss, int outputs) {
        int classCount = data.target() instanceof TargetColumn.Classes classes ? classes.classes().size() : 0;
        mismatch(data.task(), classCount, loss).ifPresent(message -> {
            throw new InvalidInputException("loss-does-not-fit-dataset", "Loss does not fit the dataset", message,
                    List.of(Fault.atPointer("/loss", message)));
        });
        if (trainRows.length == 0) {
            throw new IllegalArgumentException("cannot fit preprocessing on zero training rows");
        }
        List<FeatureEncoding> features = new ArrayList<>(data.features().size());
        for (FeatureColumn column : data.features()) {
            features.add(fitColumn(column, trainRows, standardize));
        }
        return new FittedPreprocessing(features, fitTarget(data.target(), trainRows, standardize, loss, outputs));
    }

    /**
     * Why {@code loss} cannot train on a dataset of this task, if it cannot: classification needs
     * cross_entropy (softmax over one-hot classes), binary_cross_entropy or mse (sigmoid or other
     * outputs against one-hot classes, or one 0/1 column for 2 classes and one output, as in the 1986
     * backpropagation experiments); regression needs mse, mae or huber. Regressing on class indices
     * is never done, since the indices carry an order the classes do not have. Jobs can call this
     * before queuing to answer at once.
     */
    public static Optional<String> mismatch(Task task, int classCount, Loss loss) {
        if (task == Task.REGRESSION && loss.isClassification()) {
            return Optional.of("Loss '" + loss.jsonName() + "' needs class targets, but the dataset is a regression "
                    + "dataset; use mse, mae or huber.");
        }
        if (task == Task.CLASSIFICATION && (loss == Loss.MAE || loss == Loss.HUBER)) {
            return Optional.of("Loss '" + loss.jsonName() + "' needs numeric targets, but the dataset is a "
                    + "classification dataset; use cross_entropy (softmax output), binary_cross_entropy or mse "
                    + "(against one-hot classes, or one output for 2 classes).");
        }
        return Optional.empty();
    }

    /**
     * How classes become targets: one 0/1 column for 2 classes and a single output under
     * binary_cross_entropy or mse, else one-hot rows (k outputs).
     */
    public static TargetEncoding classEncoding(List<String> classes, Loss loss, int outputs) {
        boolean singleColumn = loss != Loss.CROSS_ENTROPY && classes.size() == 2 && outputs == 1;
        return singleColumn ? new TargetEncoding.Binary(classes) : new TargetEncoding.OneHot(classes);
    }

    /** The output width a loss implies when no model says: one for 2 classes under binary_cross_entropy. */
    private static int defaultOutputs(Loss loss, int classes) {
        return loss == Loss.BINARY_CROSS_ENTROPY && classes == 2 ? 1 : classes;
    }

    private static FeatureEncoding fitColumn(FeatureColumn column, int[] rows, boolean standardize) {
        if (column instanceof FeatureColumn.Categorical categorical) {
            return new FeatureEncoding.Categorical(categorical.name(), categorical.categories());
        }
        float[] values = ((FeatureColumn.Numeric) column).values();
        Moments moments = Moments.of(values, rows);
        return new FeatureEncoding.Numeric(column.name(), moments.mean(), moments.std(), standardize);
    }

    private static TargetEncoding fitTarget(TargetColumn target, int[] rows, boolean standardize, Loss loss,
            int outputs) {
        if (target instanceof TargetColumn.Classes classes) {
            return classEncoding(classes.classes(), loss, outputs);
        }
        if (target instanceof TargetColumn.Several several) {
            List<TargetEncoding.Value> each = several.targets().stream()
                    .map(column -> fitValue(column, rows, standardize)).toList();
            return new TargetEncoding.Values(several.names(), each);
        }
        return fitValue((TargetColumn.Values) target, rows, standardize);
    }

    private static TargetEncoding.Value fitValue(TargetColumn.Values target, int[] rows, boolean standardize) {
        Moments moments = Moments.of(target.values(), rows);
        return new TargetEncoding.Value(moments.mean(), moments.std(), standardize);
    }

    /** Mean and population std of the non-missing values at {@code rows}; std 1 when they do not vary. */
    private record Moments(double mean, double std) {

        static Moments of(float[] values, int[] rows) {
            double sum = 0;
            int count = 0;
            for (int row : rows) {
                if (!Float.isNaN(values[row])) {
                    sum += values[row];
                    count++;
                }
            }
            double mean = count == 0 ? 0.0 : sum / count;
            double squares = 0;
            for (int row : rows) {
                if (!Float.isNaN(values[row])) {
                    double d = values[row] - mean;
                    squares += d * d;
                }
            }
            double std = count == 0 ? 0.0 : Math.sqrt(squares / count);
            return new Moments(mean, std > 0 ? std : 1.0);
        }
    }
}
