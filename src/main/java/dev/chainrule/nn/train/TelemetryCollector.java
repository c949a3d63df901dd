package dev.chainrule.nn.train;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerPass;
import dev.chainrule.nn.FlatLayers;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Parameter;
import dev.chainrule.nn.kernel.HeapViews;
import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * Gathers {@link LayerTelemetry} for every layer with parameters while a network trains (dense layers,
 * batch norm with γ and β in the place of weights and bias, residual projections; layers numbered as in
 * {@link FlatLayers}): for each batch that
 * {@link #measures} picks, call {@link #afterBackward()} between the backward pass and the optimizer
 * step and {@link #afterStep()} after the step; call {@link #finishEpoch()} at the end of each epoch.
 *
 * <p>An epoch of up to {@value #MEASURED_BATCHES} batches is measured at every batch; a longer one at
 * every k-th batch from the first, k = ⌈batches/{@value #MEASURED_BATCHES}⌉, so that the cost per epoch
 * stays that of at most {@value #MEASURED_BATCHES} batches (each one several passes over the
 * parameters, as much memory traffic as a small network's whole batch).
 *
 * <p>Per batch it reads only buffers the network already has (the gradient views, the layers' dL/dz)
 * through the network's own matrix kernel, and keeps one copy of the parameter vector to measure the
 * update: a copy before the step, a subtraction after it, and Σx² over each layer's slices. With the
 * fast kernels those are BLAS level-1 calls on cached pointers and nothing is allocated per batch. The
 * activation statistics are read once per epoch, from the first batch, and may allocate.
 */
public final class TelemetryCollector {

    /** The most batches of one epoch that are measured. */
    public static final int MEASURED_BATCHES = 32;

    private static final double SIGMOID_LOW = 0.01;
    private static final double SIGMOID_HIGH = 0.99;
    private static final double TANH_LIMIT = 0.99;

    private final Network network;
    private final MatrixKernel kernel;
    private final int[] index;
    private final String[] kinds;
    private final Activation[] activations;
    private final Parameter[] weights;
    private final Parameter[] biases;
    private final INDArray before;
    private final INDArray[] weightsBefore;
    private final double[] weightSquaresBefore;
    private final double[] gradientSquares;
    private final double[] biasGradientSquares;
    private final double[] ratioSum;
    private final double[] errorSum;
    private final double[][] activationStats;
    private final HeapViews views = new HeapViews();
    private double[] sample = new double[0];
    private int batches;
    private boolean sampled;

    public TelemetryCollector(Network network) {
        this.network = network;
        this.kernel = network.kernels().matrix();
        List<FlatLayers.Layer> flat = FlatLayers.of(network.spec().layers());
        List<Integer> trainable = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            if (flat.get(i).hasParameters()) {
                trainable.add(i);
            }
        }
        int n = trainable.size();
        this.index = trainable.stream().mapToInt(Integer::intValue).toArray();
        this.kinds = new String[n];
        this.activations = new Activation[n];
        this.weights = new Parameter[n];
        this.biases = new Parameter[n];
        this.weightsBefore = new INDArray[n];
        INDArray parameters = network.parameterVector();
        this.before = Nd4j.create(parameters.dataType(), parameters.shape());
        List<Parameter> all = network.parameters();
        for (int l = 0; l < n; l++) {
            kinds[l] = flat.get(index[l]).kind();
            activations[l] = flat.get(index[l]).activation();
            // every layer with parameters has two, in order: weights and bias, or (batch norm) gamma and beta
            weights[l] = all.get(2 * l);
            biases[l] = all.get(2 * l + 1);
            weightsBefore[l] = Nd4j.create(before.data(), new long[] {weights[l].rows(), weights[l].columns()},
                    new long[] {weights[l].columns(), 1}, weights[l].offset(), 'c', before.dataType());
        }
        this.weightSquaresBefore = new double[n];
        this.gradientSquares = new double[n];
        this.biasGradientSquares = new double[n];
        this.ratioSum = new double[n];
        this.errorSum = new double[n];
        this.activationStats = new double[n][];
    }

    /** Whether batch {@code batch} (from 0) of an epoch of {@code batches} is measured. */
    public static boolean measures(int batch, int batches) {
        int stride = (batches + MEASURED_BATCHES - 1) / MEASURED_BATCHES;
        return batch % stride == 0;
    }

    /** Reads the gradients and error signals of the pass just made, and keeps W before the step. */
    public void afterBackward() {
        for (int l = 0; l < index.length; l++) {
            gradientSquares[l] += kernel.sumOfSquares(weights[l].gradient());
            biasGradientSquares[l] += kernel.sumOfSquares(biases[l].gradient());
            INDArray dZ = network.lastErrorSignal(index[l]);
            errorSum[l] += Math.sqrt(kernel.sumOfSquares(dZ) / dZ.rows());
            weightSquaresBefore[l] = kernel.sumOfSquares(weights[l].value());
        }
        kernel.copy(network.parameterVector(), before);
        if (!sampled) {
            sampleActivations();
            sampled = true;
        }
    }

    /** Measures the update the optimizer just applied. */
    public void afterStep() {
        kernel.addScaled(-1, network.parameterVector(), before);   // before = W − W' = −ΔW
        for (int l = 0; l < index.length; l++) {
            double update = kernel.sumOfSquares(weightsBefore[l]);
            ratioSum[l] += weightSquaresBefore[l] > 0 ? Math.sqrt(update / weightSquaresBefore[l]) : 0;
        }
        batches++;
    }

    /** The epoch's telemetry, one entry per layer with parameters in order; starts the next epoch's. */
    public List<LayerTelemetry> finishEpoch() {
        List<LayerTelemetry> result = new ArrayList<>(index.length);
        int n = Math.max(1, batches);
        for (int l = 0; l < index.length; l++) {
            double[] stats = activationStats[l] == null ? new double[4] : activationStats[l];
            result.add(new LayerTelemetry(index[l], kinds[l], Math.sqrt(kernel.sumOfSquares(weights[l].value())),
                    Math.sqrt(gradientSquares[l] / n), Math.sqrt(biasGradientSquares[l] / n), ratioSum[l] / n,
                    errorSum[l] / n, stats[0], stats[1], stats[2], saturates(activations[l]) ? stats[3] : null));
            gradientSquares[l] = 0;
            biasGradientSquares[l] = 0;
            ratioSum[l] = 0;
            errorSum[l] = 0;
            activationStats[l] = null;
        }
        batches = 0;
        sampled = false;
        return result;
    }

    private void sampleActivations() {
        List<LayerPass> passes = network.lastPass();
        for (int l = 0; l < index.length; l++) {
            INDArray a = passes.get(index[l]).a();
            int rows = (int) a.rows();
            int units = (int) a.columns();
            int length = rows * units;
            if (HeapViews.owns(a)) {
                // one bulk copy; toDoubleMatrix would make a view per row
                if (sample.length < length) {
                    sample = new double[length];
                }
                views.read(a, sample, length);
            } else {
                sample = a.dup('c').data().asDouble();
            }
            activationStats[l] = statistics(sample, rows, units, activations[l]);
        }
    }

    /** {mean, std, dead fraction, saturated fraction} of one batch's outputs, row-major rows × units. */
    static double[] statistics(double[] a, int rows, int units, Activation activation) {
        double sum = 0;
        double squares = 0;
        long saturated = 0;
        int dead = 0;
        for (int j = 0; j < units; j++) {
            boolean alwaysZero = true;
            for (int r = 0; r < rows; r++) {
                double v = a[r * units + j];
                sum += v;
                squares += v * v;
                alwaysZero &= v == 0;
                if (activation == Activation.SIGMOID ? v < SIGMOID_LOW || v > SIGMOID_HIGH
                        : activation == Activation.TANH && Math.abs(v) > TANH_LIMIT) {
                    saturated++;
                }
            }
            if (alwaysZero) {
                dead++;
            }
        }
        double count = Math.max(1.0, (double) rows * units);
        double mean = sum / count;
        double variance = Math.max(0, squares / count - mean * mean);
        return new double[] {mean, Math.sqrt(variance), dead / Math.max(1.0, units), saturated / count};
    }

    private static boolean saturates(Activation activation) {
        return activation == Activation.SIGMOID || activation == Activation.TANH;
    }
}
