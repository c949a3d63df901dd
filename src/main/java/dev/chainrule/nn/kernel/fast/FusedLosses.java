package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Loss;
import dev.chainrule.nn.kernel.HeapCopy;
import dev.chainrule.nn.kernel.HeapViews;
import dev.chainrule.nn.kernel.LossKernel;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/**
 * Losses as Java loops in double precision over one bulk copy of the outputs and the targets. The
 * output arrays are small (a few hundred values per batch), and a dozen ND4J calls on a [128, 10]
 * array cost more than the whole computation; the softmax or sigmoid of a fused loss comes out of
 * the same loop as its value and gradient (ND4J's softmax op cost a tenth of a W1 batch in op set-up
 * alone). Arrays that do not own their memory go to the reference kernel.
 */
final class FusedLosses implements LossKernel {

    private final HeapViews views = new HeapViews();
    private final LossKernel reference = ReferenceKernels.INSTANCE.loss();
    private Workspace work = new Workspace(0);

    @Override
    public double softmaxCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz) {
        if (!owned(z, y, a, dz)) {
            return reference.softmaxCrossEntropy(z, y, a, dz);
        }
        int length = read(z, y);
        double loss = crossEntropy(work.outputs, work.targets, (int) z.rows(), (int) z.columns(), work.gradient,
                work.activations);
        write(length, a, dz);
        return loss;
    }

    @Override
    public double sigmoidBinaryCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz) {
        if (!owned(z, y, a, dz)) {
            return reference.sigmoidBinaryCrossEntropy(z, y, a, dz);
        }
        int length = read(z, y);
        double loss = binaryCrossEntropy(work.outputs, work.targets, length, work.gradient, work.activations);
        write(length, a, dz);
        return loss;
    }

    @Override
    public double regression(Loss loss, INDArray a, INDArray y, INDArray da) {
        if (!owned(a, y, da, da)) {
            return reference.regression(loss, a, y, da);
        }
        int length = read(a, y);
        double value = regression(loss, work.outputs, work.targets, length, work.gradient);
        views.write(work.gradient, length, da);
        return value;
    }

    @Override
    public double value(Loss loss, INDArray z, INDArray a, INDArray y) {
        double[] targets = HeapCopy.read(y);
        return switch (loss) {
            case CROSS_ENTROPY -> crossEntropy(HeapCopy.read(z), targets, (int) z.rows(), (int) z.columns(), null,
                    null);
            case BINARY_CROSS_ENTROPY -> binaryCrossEntropy(HeapCopy.read(z), targets, targets.length, null, null);
            case MSE, MAE, HUBER -> regression(loss, HeapCopy.read(a), targets, targets.length, null);
        };
    }

    /** Whether the loops can take these four arrays of one length (no varargs: an array per batch). */
    private static boolean owned(INDArray first, INDArray second, INDArray third, INDArray fourth) {
        long length = first.length();
        return HeapViews.owns(first) && HeapViews.owns(second) && HeapViews.owns(third) && HeapViews.owns(fourth)
                && second.length() == length && third.length() == length && fourth.length() == length;
    }

    /** Reads {@code outputs} and {@code targets} into the workspace; returns their length. */
    private int read(INDArray outputs, INDArray targets) {
        int length = Math.toIntExact(outputs.length());
        if (work.outputs.length < length) {
            work = new Workspace(length);
        }
        views.read(targets, work.targets, length);
        views.read(outputs, work.outputs, length);
        return length;
    }

    private void write(int length, INDArray a, INDArray dz) {
        views.write(work.gradient, length, dz);
        views.write(work.activations, length, a);
    }

    /** Heap arrays for the largest output seen, reused by every batch. */
    private static final class Workspace {
        private final double[] targets;
        private final double[] outputs;
        private final double[] gradient;
        private final double[] activations;

        Workspace(int length) {
            targets = new double[length];
            outputs = new double[length];
            gradient = new double[length];
            activations = new double[length];
        }
    }

    /** MSE, MAE or Huber (δ = 1) over the first {@code length} values; {@code g} (dL/da) may be null. */
    private static double regression(Loss loss, double[] a, double[] y, int length, double[] g) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
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
                    case MSE -> 2 * d / length;
                    case MAE -> Math.signum(d) / length;
                    default -> Math.max(-1, Math.min(1, d)) / length;
                };
            }
        }
        return sum / length;
    }

    /**
     * Batch mean of {@code Σ_j y_j·(lse(z) − z_j)}; gradient {@code (softmax(z) − y)/rows} into
     * {@code g} and the softmax into {@code p} (both may be null).
     */
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

    /** Mean of {@code softplus(z) − z·y}; gradient {@code (σ(z) − y)/n} and {@code σ(z)} (may be null). */
    private static double binaryCrossEntropy(double[] z, double[] y, int length, double[] g, double[] p) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double softplus = Math.max(z[i], 0) + Math.log1p(Math.exp(-Math.abs(z[i])));
            sum += softplus - z[i] * y[i];
            if (g != null) {
                double e = Math.exp(-Math.abs(z[i]));
                double sigmoid = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
                g[i] = (sigmoid - y[i]) / length;
                p[i] = sigmoid;
            }
        }
        return sum / length;
    }
}
