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
public sealed interface TargetEncoding permits TargetEncoding.OneHot, TargetEncoding.Binary, TargetEncoding.Value {

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

    /**
     * A regression value; with {@code standardize} the network learns {@code (y - mean) / std} (training
     * rows' mean and population std, std 1 for a constant target) and predictions are mapped back.
     */
    record Value(double mean, double std, boolean standardize) implements TargetEncoding {

        @Override
        public Task task() {
            return Task.REGRESSION;
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public void encodeClass(int classIndex, double[] out, int offset) {
            throw new IllegalStateException("a regression target has no classes");
        }

        double encode(double value) {
            return standardize ? (value - mean) / std : value;
        }

        @Override
        public Prediction decode(double[] outputRow) {
            return new Prediction(null, null, standardize ? outputRow[0] * std + mean : outputRow[0]);
        }
    }
}
