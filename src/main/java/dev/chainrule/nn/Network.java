package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stack of layers built from a {@link NetworkSpec}, with every parameter in one flat vector.
 *
 * <p>{@link #predict} is the inference path (dropout off) and may be called from several threads.
 * {@link #computeGradients} and the vector accessors are the training path used by the trainer: one
 * thread at a time, working in arrays cached per batch size.
 *
 * <p>With {@code spec.l2() > 0} the loss includes {@code l2/2·Σw²} over all weights (not biases), in
 * training and in evaluation alike, and its gradient {@code l2·W} is part of the weight gradients.
 */
public final class Network {

    private final NetworkSpec spec;
    private final Precision precision;
    private final DataType dataType;
    private final ParameterBuffer buffer;
    private final List<Layer> layers;
    private final List<DenseLayer> denseLayers;
    private final DenseLayer outputLayer;
    private final BatchCache<LossBuffers> lossBuffers;
    private INDArray lastOutputs;
    private INDArray lastInputGradient;

    private Network(NetworkSpec spec, Precision precision) {
        NetworkSpecValidator.validate(spec);
        this.spec = spec;
        this.precision = precision;
        this.dataType = dataType(precision);
        long size = 0;
        int width = spec.inputs();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof LayerSpec.Dense dense) {
                size += DenseLayer.parameterCount(width, dense.units());
                width = dense.units();
            }
        }
        this.buffer = new ParameterBuffer(size, dataType);
        List<Layer> built = new ArrayList<>();
        List<DenseLayer> dense = new ArrayList<>();
        long offset = 0;
        width = spec.inputs();
        for (LayerSpec layer : spec.layers()) {
            int index = built.size();
            if (layer instanceof LayerSpec.Dense d) {
                DenseLayer denseLayer = new DenseLayer(index, width, d.units(), d.activation(), buffer, offset);
                offset += DenseLayer.parameterCount(width, d.units());
                width = d.units();
                built.add(denseLayer);
                dense.add(denseLayer);
            } else if (layer instanceof LayerSpec.Dropout d) {
                built.add(new DropoutLayer(index, width, d.rate(), dataType));
            }
        }
        this.layers = List.copyOf(built);
        this.denseLayers = List.copyOf(dense);
        this.outputLayer = (DenseLayer) built.get(built.size() - 1);
        int outputs = width;
        this.lossBuffers = new BatchCache<>(rows -> new LossBuffers(Nd4j.create(dataType, rows, outputs),
                new Losses.Workspace(rows * outputs)));
    }

    public static Network create(NetworkSpec spec, Precision precision) {
        Network network = new Network(spec, precision);
        WeightInitializer.initialize(spec.weightInit(), network.denseLayers, spec.seed());
        return network;
    }

    /** A network starting from explicit parameters, one entry per dense layer in order. */
    public static Network create(NetworkSpec spec, Precision precision, List<LayerParameters> initial) {
        Network network = new Network(spec, precision);
        LayerParameterMapping.importInto(network.denseLayers, initial);
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
        INDArray x = features.dataType() == dataType ? features : features.castTo(dataType);
        INDArray current = x;
        for (Layer layer : layers) {
            INDArray next = layer.infer(current);
            if (current != x && current != next) {
                current.close();
            }
            current = next;
        }
        return current == features ? current.dup() : current;
    }

    /**
     * The loss (including the L2 term) and output activations of the inference path, for validation
     * and test sets; cross-entropy losses are computed from the pre-activations, so they stay finite.
     */
    public Evaluation evaluate(INDArray features, INDArray targets) {
        checkInput(features);
        checkTargets(targets, features.rows());
        INDArray x = features.dataType() == dataType ? features : features.castTo(dataType);
        INDArray y = targets.dataType() == dataType ? targets : targets.castTo(dataType);
        INDArray current = x;
        for (Layer layer : layers.subList(0, layers.size() - 1)) {
            INDArray next = layer.infer(current);
            if (current != x && current != next) {
                current.close();
            }
            current = next;
        }
        INDArray z = outputLayer.inferPreActivation(current);
        if (current != x) {
            current.close();
        }
        INDArray a = outputLayer.activation() == Activation.IDENTITY ? z.dup() : z.ulike();
        Activations.forward(outputLayer.activation(), z, a);
        double loss = Losses.value(spec.loss(), z, a, y) + penalty();
        z.close();
        return new Evaluation(loss, a);
    }

    /** Loss and outputs on an evaluation set; {@code outputs} belongs to the caller. */
    public record Evaluation(double loss, INDArray outputs) {
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
        INDArray current = features.dataType() == dataType ? features : features.castTo(dataType);
        INDArray y = targets.dataType() == dataType ? targets : targets.castTo(dataType);
        boolean fused = Losses.isFused(spec.loss());
        int last = layers.size() - 1;
        for (int i = 0; i < last; i++) {
            current = layers.get(i).forward(current, true, dropoutSeed);
        }
        if (fused) {
            outputLayer.forwardPreActivation(current);
            current = outputLayer.trainingOutput();
        } else {
            current = outputLayer.forward(current, true, dropoutSeed);
        }
        lastOutputs = current;
        LossBuffers lossBuffer = lossBuffers.forRows((int) features.rows());
        INDArray gradient = lossBuffer.gradient();
        double loss = Losses.valueAndGradient(spec.loss(), outputLayer.preActivation(), current, y, gradient,
                lossBuffer.workspace()) + penalty();

        gradient = fused
                ? outputLayer.backwardFromPreActivation(gradient, last > 0 || wantInputGradient)
                : outputLayer.backward(gradient, last > 0 || wantInputGradient);
        for (int i = last - 1; i >= 0; i--) {
            gradient = layers.get(i).backward(gradient, i > 0 || wantInputGradient);
        }
        lastInputGradient = gradient;
        addPenaltyGradient();
        return loss;
    }

    /** dL/d(outputs) of one batch size and the heap arrays its loss is computed in. */
    private record LossBuffers(INDArray gradient, Losses.Workspace workspace) {
    }

    /** Output activations of the last {@link #computeGradients} call (valid until the next call). */
    public INDArray lastOutput() {
        return lastOutputs;
    }

    private double penalty() {
        if (spec.l2() == 0) {
            return 0;
        }
        double sum = 0;
        for (DenseLayer layer : denseLayers) {
            sum += Math.pow(layer.weights().norm2Number().doubleValue(), 2);
        }
        return spec.l2() / 2 * sum;
    }

    private void addPenaltyGradient() {
        if (spec.l2() == 0) {
            return;
        }
        for (DenseLayer layer : denseLayers) {
            Nd4j.getBlasWrapper().level1().axpy(layer.weights().length(), spec.l2(), layer.weights(),
                    layer.weightGradient());
        }
    }

    /** The live parameter vector (all layers, weights then bias each); writes change the network. */
    public INDArray parameterVector() {
        return buffer.parameters();
    }

    /** The live gradient vector, laid out like {@link #parameterVector()}. */
    public INDArray gradientVector() {
        return buffer.gradients();
    }

    /** One {@code {weights [inputs][units], bias [units]}} entry per dense layer, in order. */
    public List<LayerParameters> exportParameters() {
        return LayerParameterMapping.export(denseLayers);
    }

    private void checkInput(INDArray features) {
        if (features.rank() != 2 || features.columns() != inputs()) {
            throw new IllegalArgumentException(layers.get(0).describe() + " expects input of shape [n, "
                    + inputs() + "] but got " + Arrays.toString(features.shape()));
        }
    }

    private void checkTargets(INDArray targets, long rows) {
        if (targets.rank() != 2 || targets.rows() != rows || targets.columns() != outputs()) {
            throw new IllegalArgumentException("loss " + spec.loss().jsonName() + " after "
                    + outputLayer.describe() + " expects targets of shape [" + rows + ", " + outputs()
                    + "] but got " + Arrays.toString(targets.shape()));
        }
    }

    public int inputs() {
        return spec.inputs();
    }

    public int outputs() {
        return outputLayer.outputs();
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
}
