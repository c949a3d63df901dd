package dev.chainrule.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.BatchCache;

/**
 * Per-class weights on the loss, as PyTorch applies them: cross-entropy becomes the weighted mean
 * {@code Σ w[y_i]·l_i / Σ w[y_i]} ({@code nn.CrossEntropyLoss(weight=w)}); binary cross-entropy and MSE
 * scale each row's terms by its class's weight and keep the mean over every element
 * ({@code nn.BCEWithLogitsLoss(weight=w[y][:, None])}). A row's class is read from its target: the hot
 * position of a one-hot row, or the 0/1 value of a single column (then {@code w} has two entries).
 *
 * <p>The unweighted kernels have already written {@code dz} for the mean; each row's share is
 * rescaled here, which is exact because every row's gradient depends on that row alone. Only runs
 * that ask for weights pay for the heap copies this takes; nothing is allocated off-heap per batch.
 */
final class ClassWeighting {

    private final double[] weights;
    /** Each row's scale as a column, one per batch size, so that a weighted step allocates nothing off-heap. */
    private final BatchCache<INDArray> columns;

    ClassWeighting(double[] weights, DataType type) {
        this.weights = weights.clone();
        this.columns = new BatchCache<>(rows -> Nd4j.create(type, rows, 1));
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
        int rows = (int) y.rows();
        int width = (int) y.columns();
        double[] targets = rowMajor(y);
        double[] w = new double[rows];
        double weightSum = 0;
        for (int i = 0; i < rows; i++) {
            w[i] = rowWeight(targets, i * width, width);
            weightSum += w[i];
        }
        double value;
        double[] scale = new double[rows];
        if (loss == Loss.CROSS_ENTROPY) {
            double[] logits = rowMajor(z);
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += w[i] * crossEntropy(logits, targets, i * width, width);
                scale[i] = w[i] * rows / weightSum;
            }
            value = sum / weightSum;
        } else {
            boolean binary = loss == Loss.BINARY_CROSS_ENTROPY;
            double[] values = rowMajor(binary ? z : a);
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                double row = 0;
                for (int j = i * width; j < (i + 1) * width; j++) {
                    double d = values[j] - targets[j];
                    row += binary ? softplus(values[j]) - values[j] * targets[j] : d * d;
                }
                sum += w[i] * row;
                scale[i] = w[i];
            }
            value = sum / ((double) rows * width);
        }
        INDArray column = columns.forRows(rows);
        for (int i = 0; i < rows; i++) {
            column.putScalar(i, 0, scale[i]);
        }
        dz.muliColumnVector(column);
        if (da != null && da != dz) {
            da.muliColumnVector(column);
        }
        return value;
    }

    /** The values row after row, read from the buffer itself (a copy only for a view or another order). */
    private static double[] rowMajor(INDArray matrix) {
        INDArray plain = matrix.isView() || matrix.ordering() != 'c' ? matrix.dup('c') : matrix;
        return plain.data().asDouble();
    }

    private double rowWeight(double[] targets, int from, int width) {
        if (width == 1) {
            return weights[0] + targets[from] * (weights[1] - weights[0]);
        }
        double w = 0;
        for (int j = 0; j < width; j++) {
            w += targets[from + j] * weights[j];
        }
        return w;
    }

    /** {@code logsumexp(z) − Σ_j y_j·z_j}: finite for any logits. */
    private static double crossEntropy(double[] z, double[] y, int from, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = from; j < from + width; j++) {
            max = Math.max(max, z[j]);
        }
        double sum = 0;
        double dot = 0;
        for (int j = from; j < from + width; j++) {
            sum += Math.exp(z[j] - max);
            dot += y[j] * z[j];
        }
        return max + Math.log(sum) - dot;
    }

    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
