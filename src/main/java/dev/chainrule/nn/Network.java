package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.fast.FastKernels;

/**
 * A network built from a {@link NetworkSpec}: a sequence of layers, the last a dense layer whose
 * {@code z} goes to an {@link OutputLoss} (its activation and the loss), and every parameter in one
 * flat vector. One training pass:
 *
 * <pre>
 * z  = layers.forward(x)            hidden layers, then the output layer's z = a·W + b
 * L  = outputLoss.forward(z, y)     a = f(z), the loss, dL/dz
 *    + l2/2·Σw²
 * layers.backward(dL/dz)            every layer's parameter gradients, in reverse order
 * dL/dW += l2·W
 * </pre>
 *
 * <p>{@link #predict} is the inference path (dropout off) and may be called from several threads.
 * {@link #computeGradients} and the vector accessors are the training path used by the trainer: one
 * thread at a time, working in arrays kept per batch size. The arithmetic runs on the kernel set the
 * network was created with ({@link FastKernels} unless another is given).
 *
 * <p>With {@code spec.l2() > 0} the loss includes {@code l2/2·Σw²} over all weights (not biases), in
 * training and in evaluation alike, and its gradient {@code l2·W} is part of the weight gradients.
 */
public final class Network {

    private final NetworkSpec spec;
    private final Precision precision;
    private final DataType dataType;
    private final Kernels kernels;
    private final ParameterBuffer buffer = new ParameterBuffer();
    private final LayerSequence layers;
    private final OutputLoss outputLoss;
    private final L2Penalty penalty;
    private final Layer[] layerAt;
    private INDArray lastInputGradient;

    private Network(NetworkSpec spec, Precision precision, Kernels kernels) {
        NetworkSpecValidator.validate(spec);
        this.spec = spec;
        this.precision = precision;
        this.dataType = dataType(precision);
        this.kernels = kernels;
        List<Layer> built = new LayerBuilder(buffer, kernels, dataType, spec.layers().size()).build(spec);
        int width = built.get(built.size() - 1).outputs();
        int last = spec.layers().size() - 1;
        buffer.allocate(dataType);
        this.layers = new LayerSequence(built);
        List<Layer> leaves = new ArrayList<>();
        layers.forEachLayer(leaves::add);
        this.layerAt = leaves.toArray(Layer[]::new);
        LayerSpec.Dense output = (LayerSpec.Dense) spec.layers().get(last);
        this.outputLoss = OutputLoss.create(output.activation(), spec.loss(), width, kernels, dataType);
        this.penalty = new L2Penalty(spec.l2(), buffer.all(), kernels);
    }

    /** A network with weights drawn from the spec's seed, training on the fast kernels. */
    public static Network create(NetworkSpec spec, Precision precision) {
        return create(spec, precision, FastKernels.INSTANCE);
    }

    /** A network with weights drawn from the spec's seed, computing with {@code kernels}. */
    public static Network create(NetworkSpec spec, Precision precision, Kernels kernels) {
        Network network = new Network(spec, precision, kernels);
        SplittableRandom random = new SplittableRandom(spec.seed());
        network.layers.forEachLayer(layer -> layer.initialize(spec.weightInit(), random));
        return network;
    }

    /**
     * A network starting from explicit parameters, one entry per layer with parameters (dense, batch
     * norm, residual projection) in order (fast kernels).
     */
    public static Network create(NetworkSpec spec, Precision precision, List<LayerParameters> initial) {
        return create(spec, precision, initial, FastKernels.INSTANCE);
    }

    /** A network starting from explicit parameters, one entry per dense layer in order. */
    public static Network create(NetworkSpec spec, Precision precision, List<LayerParameters> initial,
            Kernels kernels) {
        Network network = new Network(spec, precision, kernels);
        List<Layer> withParameters = network.layersWithParameters();
        if (initial.size() != withParameters.size()) {
            throw new IllegalArgumentException("expected parameters for " + withParameters.size()
                    + " layers with parameters but got " + initial.size());
        }
        for (int i = 0; i < initial.size(); i++) {
            withParameters.get(i).importParameters(initial.get(i));
        }
        return network;
    }

    public static DataType dataType(Precision precision) {
        return precision == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
    }

    /** Output activations (e.g. softmax probabilities) for {@code features} [n, inputs], dropout off. */
    public INDArray predict(INDArray features) {
        checkInput(features);
        if (features.rows() == 0) {
            return Nd4j.create(dataType, 0, outputs());
        }
        INDArray x = typed(features);
        INDArray z = layers.infer(x);
        INDArray a = outputLoss.infer(z);
        if (z != x) {
            z.close();
        }
        return a;
    }

    /**
     * The loss (including the L2 term) and output activations of the inference path, for validation
     * and test sets; cross-entropy losses are computed from the pre-activations, so they stay finite.
     */
    public Evaluation evaluate(INDArray features, INDArray targets) {
        checkInput(features);
        checkTargets(targets, features.rows());
        INDArray x = typed(features);
        INDArray z = layers.infer(x);
        INDArray a = outputLoss.infer(z);
        double loss = outputLoss.value(z, a, typed(targets)) + penalty.value();
        if (z != x) {
            z.close();
        }
        return new Evaluation(loss, a);
    }

    /** Loss and outputs on an evaluation set; {@code outputs} belongs to the caller. */
    public record Evaluation(double loss, INDArray outputs) {
    }

    /**
     * Weights the training loss by class ({@link #computeGradients}; evaluation stays unweighted): one
     * positive weight per class, in output order, or two for a single 0/1 output. Null removes them.
     *
     * @throws IllegalArgumentException for a loss other than cross-entropy, binary cross-entropy or MSE,
     *         or a count that does not match the outputs
     */
    public void weightClasses(double[] classWeights) {
        if (classWeights != null) {
            ClassWeighting.check(classWeights, spec.loss(), outputs());
        }
        outputLoss.weightClasses(classWeights == null ? null : new ClassWeighting(classWeights, dataType));
    }

    /**
     * Forward (training mode, dropout masks drawn from {@code dropoutSeed}), loss, and backward: the
     * gradient vector then holds dL/dθ for this batch. Returns the loss, L2 term included.
     */
    public double computeGradients(INDArray features, INDArray targets, long dropoutSeed) {
        return forwardBackward(features, targets, dropoutSeed, false);
    }

    /**
     * dL/d(input) for one batch (gradient checks), valid until the next call; also leaves the
     * parameter gradients in place.
     */
    public INDArray inputGradient(INDArray features, INDArray targets, long dropoutSeed) {
        forwardBackward(features, targets, dropoutSeed, true);
        return lastInputGradient;
    }

    private double forwardBackward(INDArray features, INDArray targets, long dropoutSeed, boolean wantInputGradient) {
        checkInput(features);
        checkTargets(targets, features.rows());
        INDArray z = layers.forward(typed(features), dropoutSeed);
        double loss = outputLoss.forward(z, typed(targets)) + penalty.value();
        lastInputGradient = layers.backward(outputLoss.gradient(), wantInputGradient);
        penalty.addGradient();
        return loss;
    }

    private INDArray typed(INDArray array) {
        return array.dataType() == dataType ? array : array.castTo(dataType);
    }

    /** Output activations of the last {@link #computeGradients} call (valid until the next call). */
    public INDArray lastOutput() {
        return outputLoss.outputs();
    }

    /**
     * What every layer saw and computed in the last training pass, in order; the output layer's
     * {@code a} and {@code dL/da} are those of the output activation after it.
     */
    public List<LayerPass> lastPass() {
        List<LayerPass> passes = new ArrayList<>();
        layers.forEachLayer(layer -> passes.add(layer.lastPass()));
        int last = passes.size() - 1;
        passes.set(last, passes.get(last).withOutput(outputLoss.outputs(), outputLoss.outputGradient()));
        return passes;
    }

    /**
     * dL/dz of layer {@code index} (counted from 0 in the order of {@link FlatLayers}: as in the spec for a
     * network without blocks) in the last training pass; for batch norm dL/dy, its output's gradient; null
     * for a dropout layer. Live, never to be written. Allocates nothing, unlike
     * {@link #lastPass()}, so it may be read every batch.
     */
    public INDArray lastErrorSignal(int index) {
        return layerAt[index].lastErrorSignal();
    }

    /** The live parameter vector (all layers, weights then bias each); writes change the network. */
    public INDArray parameterVector() {
        return buffer.parameters();
    }

    /** The live gradient vector, laid out like {@link #parameterVector()}. */
    public INDArray gradientVector() {
        return buffer.gradients();
    }

    /** Every parameter in the order of the flat vectors, with its live value and gradient views. */
    public List<Parameter> parameters() {
        return buffer.all();
    }

    /**
     * The running statistics of every batch norm layer in one flat vector, in layer order (running mean
     * then running variance each), or null when the network has none. Live: writes change the network.
     */
    public INDArray stateVector() {
        return buffer.state();
    }

    /**
     * One entry per layer with parameters, in order: {@code {weights [inputs][units], bias [units]}} for
     * dense layers and residual projections, {@code {gamma, beta, runningMean, runningVar}} for batch norm.
     */
    public List<LayerParameters> exportParameters() {
        return layersWithParameters().stream().map(Layer::exportParameters).toList();
    }

    private List<Layer> layersWithParameters() {
        List<Layer> found = new ArrayList<>();
        layers.forEachLayer(layer -> {
            if (!layer.parameters().isEmpty()) {
                found.add(layer);
            }
        });
        return found;
    }

    private void checkInput(INDArray features) {
        if (features.rank() != 2 || features.columns() != inputs()) {
            throw new IllegalArgumentException(layers.first().describe() + " expects input of shape [n, "
                    + inputs() + "] but got " + Arrays.toString(features.shape()));
        }
    }

    private void checkTargets(INDArray targets, long rows) {
        if (targets.rank() != 2 || targets.rows() != rows || targets.columns() != outputs()) {
            throw new IllegalArgumentException("loss " + spec.loss().jsonName() + " after "
                    + layers.last().describe() + " expects targets of shape [" + rows + ", " + outputs()
                    + "] but got " + Arrays.toString(targets.shape()));
        }
    }

    public int inputs() {
        return spec.inputs();
    }

    public int outputs() {
        return layers.outputs();
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Precision precision() {
        return precision;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The kernel set the network computes with; the trainer takes its optimizer from it. */
    public Kernels kernels() {
        return kernels;
    }
}
