package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-class weights on the loss, as PyTorch applies them: cross-entropy becomes the weighted mean
 * {@code Σ w[y_i]·l_i / Σ w[y_i]} ({@code nn.CrossEntropyLoss(weight=w)}); binary cross-entropy and MSE
 * scale each row's terms by its class's weight and keep the mean over every element
 * ({@code nn.BCEWithLogitsLoss(weight=w[y][:, None])}). A row's class is read from its target: the hot
 * position of a one-hot row, or the 0/1 value of a single column (then {@code w} has two entries).
 *
 * <p>The unweighted kernels have already written {@code dz} for the mean; each row's share is
 * rescaled here, which is exact because every row's gradient depends on that row alone. Only runs
 * that ask for weights pay for the heap copies this takes.
 */
final class ClassWeighting {

    private final double[] weights;

    ClassWeighting(double[] weights) {
        this.weights = weights.clone();
    }

    static void check(double[] weights, Loss loss, int outputs) {
        if (loss != Loss.CROSS_ENTROPY && loss != Loss.BINARY_CROSS_ENTROPY && loss != Loss.MSE) {
            throw new IllegalArgumentException("class weights apply to cross_entropy, binary_cross_entropy and mse, not "
                    + loss.jsonName());
        }
        int classes = outputs == 1 ? 2 : outputs;
        if (weights.length != classes) {
            throw new IllegalArgumentException(weights.length + " class weights for " + classes + " classes");
        }
        for (double w : weights) {
            if (!(w > 0) || !Double.isFinite(w)) {
                throw new IllegalArgumentException("class weights must be positive and finite, got " + w);
            }
        }
    }

    /** Rescales {@code dz} (and a separate {@code da}) row by row; returns the weighted loss. */
    double apply(Loss loss, INDArray z, INDArray a, INDArray y, INDArray dz, INDArray da) {
        double[][] targets = y.toDoubleMatrix();
        int rows = targets.length;
        double[] w = new double[rows];
        double weightSum = 0;
        for (int i = 0; i < rows; i++) {
            w[i] = rowWeight(targets[i]);
            weightSum += w[i];
        }
        double value;
        double[] scale = new double[rows];
        if (loss == Loss.CROSS_ENTROPY) {
            double[][] logits = z.toDoubleMatrix();
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += w[i] * crossEntropy(logits[i], targets[i]);
                scale[i] = w[i] * rows / weightSum;
            }
            value = sum / weightSum;
        } else {
            double[][] values = (loss == Loss.BINARY_CROSS_ENTROPY ? z : a).toDoubleMatrix();
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double row = 0;
                for (int j = 0; j < values[i].length; j++) {
                    row += loss == Loss.BINARY_CROSS_ENTROPY ? softplus(values[i][j]) - values[i][j] * targets[i][j]
                            : (values[i][j] - targets[i][j]) * (values[i][j] - targets[i][j]);
                }
                sum += w[i] * row;
                scale[i] = w[i];
            }
            value = sum / ((double) rows * targets[0].length);
        }
        INDArray column = Nd4j.createFromArray(scale).reshape(rows, 1).castTo(dz.dataType());
        dz.muliColumnVector(column);
        if (da != null && da != dz) {
            da.muliColumnVector(column);
        }
        return value;
    }

    private double rowWeight(double[] target) {
        if (target.length == 1) {
            return weights[0] + target[0] * (weights[1] - weights[0]);
        }
        double w = 0;
        for (int j = 0; j < target.length; j++) {
            w += target[j] * weights[j];
        }
        return w;
    }

    /** {@code logsumexp(z) − Σ_j y_j·z_j}: finite for any logits. */
    private static double crossEntropy(double[] z, double[] y) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double dot = 0;
        for (int j = 0; j < z.length; j++) {
            sum += Math.exp(z[j] - max);
            dot += y[j] * z[j];
        }
        return max + Math.log(sum) - dot;
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
