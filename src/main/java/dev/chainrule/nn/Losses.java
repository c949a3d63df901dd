package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loss values and their gradients with PyTorch's mean reductions: cross-entropy averages over the
 * batch, every other loss over batch × outputs. Cross-entropy and binary cross-entropy are fused with
 * their output activation: their gradient is taken with respect to the pre-activation {@code z}
 * ({@code (p − y)/n}) and their value is computed from {@code z} in forms that cannot overflow
 * (log-sum-exp; {@code softplus(z) − z·y}).
 *
 * <p>Output arrays are small, so the arithmetic runs in Java (double precision) over one bulk copy:
 * a dozen ND4J calls on a [128, 10] array cost more than the whole computation.
 */
final class Losses {

    private Losses() {
    }

    /** Whether the gradient is dL/dz (fused) instead of dL/da. */
    static boolean isFused(Loss loss) {
        return loss == Loss.CROSS_ENTROPY || loss == Loss.BINARY_CROSS_ENTROPY;
    }

    /** The mean loss of outputs {@code a} (pre-activations {@code z}) against targets {@code y}. */
    static double value(Loss loss, INDArray z, INDArray a, INDArray y) {
        return compute(loss, z, a, y, new Workspace(Math.toIntExact(a.length())), false);
    }

    /**
     * The mean loss, and dL/da (or dL/dz for the fused losses) written into {@code grad}; the
     * arithmetic runs in {@code workspace}, sized for {@code a}. For the fused losses {@code a} is
     * an output: the softmax or sigmoid comes out of the same loop as the loss (ND4J's softmax op
     * cost a tenth of a W1 batch in op set-up alone), so the layer leaves it to this call.
     */
    static double valueAndGradient(Loss loss, INDArray z, INDArray a, INDArray y, INDArray grad, Workspace workspace) {
        double value = compute(loss, z, a, y, workspace, true);
        HeapCopy.write(workspace.gradient, grad, workspace.floats);
        if (isFused(loss)) {
            HeapCopy.write(workspace.activations, a, workspace.floats);
        }
        return value;
    }

    /** Heap arrays for one output shape, reused by every batch of that size. */
    static final class Workspace {
        private final double[] targets;
        private final double[] outputs;
        private final double[] gradient;
        private final double[] activations;
        private final float[] floats;

        Workspace(int length) {
            targets = new double[length];
            outputs = new double[length];
            gradient = new double[length];
            activations = new double[length];
            floats = new float[length];
        }
    }

    private static double compute(Loss loss, INDArray zArray, INDArray aArray, INDArray yArray, Workspace work,
            boolean withGradient) {
        int rows = (int) aArray.rows();
        int columns = (int) aArray.columns();
        double[] y = work.targets;
        HeapCopy.read(yArray, y, work.floats);
        double[] g = withGradient ? work.gradient : null;
        double elements = (double) rows * columns;
        boolean fromPreActivation = isFused(loss);
        double[] outputs = work.outputs;
        HeapCopy.read(fromPreActivation ? zArray : aArray, outputs, work.floats);
        if (loss == Loss.CROSS_ENTROPY) {
            return crossEntropy(outputs, y, rows, columns, g, withGradient ? work.activations : null);
        }
        if (loss == Loss.BINARY_CROSS_ENTROPY) {
            return binaryCrossEntropy(outputs, y, g, withGradient ? work.activations : null);
        }
        double[] a = outputs;
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - y[i];
            double abs = Math.abs(d);
            switch (loss) {
                case MSE -> sum += d * d;
                case MAE -> sum += abs;
                // δ = 1: d²/2 inside, |d| − 1/2 outside
                default -> sum += abs < 1 ? 0.5 * d * d : abs - 0.5;
            }
            if (g != null) {
                g[i] = switch (loss) {
                    case MSE -> 2 * d / elements;
                    case MAE -> Math.signum(d) / elements;
                    default -> Math.max(-1, Math.min(1, d)) / elements;
                };
            }
        }
        return sum / elements;
    }

    /** Batch mean of {@code Σ_j y_j·(lse(z) − z_j)}; gradient {@code (softmax(z) − y)/rows}. */
    private static double crossEntropy(double[] z, double[] y, int rows, int columns, double[] g, double[] p) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int from = r * columns;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = from; j < from + columns; j++) {
                max = Math.max(max, z[j]);
            }
            double exponentials = 0;
            for (int j = from; j < from + columns; j++) {
                exponentials += Math.exp(z[j] - max);
            }
            double logSumExp = max + Math.log(exponentials);
            for (int j = from; j < from + columns; j++) {
                sum += y[j] * (logSumExp - z[j]);
                if (g != null) {
                    double probability = Math.exp(z[j] - logSumExp);
                    g[j] = (probability - y[j]) / rows;
                    p[j] = probability;
                }
            }
        }
        return sum / rows;
    }

    /** Mean of {@code softplus(z) − z·y}; gradient {@code (σ(z) − y)/n}. */
    private static double binaryCrossEntropy(double[] z, double[] y, double[] g, double[] p) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            double softplus = Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i])));
            sum += softplus - z[i] * y[i];
            if (g != null) {
                double e = Math.exp(-Math.abs(z[i]));
                double sigmoid = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
                g[i] = (sigmoid - y[i]) / z.length;
                p[i] = sigmoid;
            }
        }
        return sum / z.length;
    }
}
