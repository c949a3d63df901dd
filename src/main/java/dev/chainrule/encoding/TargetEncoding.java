package dev.chainrule.encoding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chainrule.dataset.Task;

/**
 * How the target becomes the network's expected output, and how an output row becomes a prediction.
 * Which one applies follows from the loss: cross-entropy wants one-hot classes, binary cross-entropy one
 * 0/1 column, the regression losses the (optionally z-scored) value.
 */
public sealed interface TargetEncoding permits TargetEncoding.OneHot, TargetEncoding.Binary,
        TargetEncoding.Regression {

    Task task();

    int width();

    List<String> classes();

    /** Writes the encoded target of one training row at {@code out[offset..offset+width)}. */
    void encodeClass(int classIndex, double[] out, int offset);

    Prediction decode(double[] outputRow);

    /** {@code k} softmax outputs, one per class; the label is the most probable class. */
    record OneHot(List<String> classes) implements TargetEncoding {

        public OneHot {
            classes = List.copyOf(classes);
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public int width() {
            return classes.size();
        }

        @Override
        public void encodeClass(int classIndex, double[] out, int offset) {
            out[offset + classIndex] = 1.0;
        }

        @Override
        public Prediction decode(double[] outputRow) {
            Map<String, Double> probabilities = new LinkedHashMap<>();
            int best = 0;
            for (int k = 0; k < classes.size(); k++) {
                probabilities.put(classes.get(k), outputRow[k]);
                if (outputRow[k] > outputRow[best]) {
                    best = k;
                }
            }
            return new Prediction(classes.get(best), probabilities, null);
        }
    }

    /** Exactly two classes and one sigmoid output: the probability of the second class. */
    record Binary(List<String> classes) implements TargetEncoding {

        public Binary {
            classes = List.copyOf(classes);
            if (classes.size() != 2) {
                throw new IllegalArgumentException("binary encoding needs exactly 2 classes, got " + classes.size());
            }
        }

        @Override
        public Task task() {
            return Task.CLASSIFICATION;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encodeClass(int classIndex, double[] out, int offset) {
            out[offset] = classIndex;
        }

        @Override
        public Prediction decode(double[] outputRow) {
            double positive = outputRow[0];
            Map<String, Double> probabilities = new LinkedHashMap<>();
            probabilities.put(classes.get(0), 1.0 - positive);
            probabilities.put(classes.get(1), positive);
            return new Prediction(classes.get(positive >= 0.5 ? 1 : 0), probabilities, null);
        }
    }

    /** Numbers, not classes: one target ({@link Value}) or several ({@link Values}). */
    sealed interface Regression extends TargetEncoding permits Value, Values {

        @Override
        default Task task() {
            return Task.REGRESSION;
        }

        @Override
        default List<String> classes() {
            return List.of();
        }

        @Override
        default void encodeClass(int classIndex, double[] out, int offset) {
            throw new IllegalStateException("a regression target has no classes");
        }
    }

    /**
     * A regression value; with {@code standardize} the network learns {@code (y - mean) / std} (training
     * rows' mean and population std, std 1 for a constant target) and predictions are mapped back.
     */
    record Value(double mean, double std, boolean standardize) implements Regression {

        @Override
        public int width() {
            return 1;
        }

        public double encode(double value) {
            return standardize ? (value - mean) / std : value;
        }

        double decode(double output) {
            return standardize ? output * std + mean : output;
        }

        @Override
        public Prediction decode(double[] outputRow) {
            return new Prediction(null, null, decode(outputRow[0]));
        }
    }

    /**
     * Several regression targets, one output each in {@code names} order, each standardised on its own
     * as a single {@link Value} is.
     */
    record Values(List<String> names, List<Value> each) implements Regression {

        public Values {
            names = List.copyOf(names);
            each = List.copyOf(each);
            if (names.size() != each.size() || names.size() < 2) {
                throw new IllegalArgumentException("several targets need 2 or more names with one encoding each, got "
                        + names.size() + " names and " + each.size() + " encodings");
            }
        }

        @Override
        public int width() {
            return names.size();
        }

        @Override
        public Prediction decode(double[] outputRow) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (int t = 0; t < names.size(); t++) {
                values.put(names.get(t), each.get(t).decode(outputRow[t]));
            }
            return new Prediction(null, null, null, values);
        }
    }
}
