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
        return new FittedPreprocessing(features, fitTarget(data.target(), trainRows, standardize, loss));
    }

    /**
     * Why {@code loss} cannot train on a dataset of this task, if it cannot: classification needs
     * cross_entropy (any number of classes) or binary_cross_entropy (exactly 2 classes); regression needs
     * mse, mae or huber. Regressing on class indices with mse is refused, since the indices carry an
     * order the classes do not have. Jobs can call this before queuing to answer at once.
     */
    public static Optional<String> mismatch(Task task, int classCount, Loss loss) {
        if (task == Task.REGRESSION && loss.isClassification()) {
            return Optional.of("Loss '" + loss.jsonName() + "' needs class targets, but the dataset is a regression "
                    + "dataset; use mse, mae or huber.");
        }
        if (task == Task.CLASSIFICATION && !loss.isClassification()) {
            return Optional.of("Loss '" + loss.jsonName() + "' needs numeric targets, but the dataset is a "
                    + "classification dataset; use cross_entropy (softmax output) or binary_cross_entropy "
                    + "(one sigmoid output, 2 classes).");
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY && classCount != 2) {
            return Optional.of("Loss 'binary_cross_entropy' needs exactly 2 classes, but the dataset has "
                    + classCount + "; use cross_entropy with a softmax output.");
        }
        return Optional.empty();
    }

    private static FeatureEncoding fitColumn(FeatureColumn column, int[] rows, boolean standardize) {
        if (column instanceof FeatureColumn.Categorical categorical) {
            return new FeatureEncoding.Categorical(categorical.name(), categorical.categories());
        }
        float[] values = ((FeatureColumn.Numeric) column).values();
        Moments moments = Moments.of(values, rows);
        return new FeatureEncoding.Numeric(column.name(), moments.mean(), moments.std(), standardize);
    }

    private static TargetEncoding fitTarget(TargetColumn target, int[] rows, boolean standardize, Loss loss) {
        if (target instanceof TargetColumn.Classes classes) {
            return loss == Loss.BINARY_CROSS_ENTROPY ? new TargetEncoding.Binary(classes.classes())
                    : new TargetEncoding.OneHot(classes.classes());
        }
        Moments moments = Moments.of(((TargetColumn.Values) target).values(), rows);
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
