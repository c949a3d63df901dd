package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code z = a·W + b}, then the activation. Backward turns dL/da into dL/dz, then sets
 * {@code dW = aᵀ·dz} and {@code db = 1ᵀ·dz} (GEMMs with transpose flags, no transposed copies) and
 * returns {@code dz·Wᵀ}.
 */
final class DenseLayer implements Layer {

    private final int index;
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final INDArray weights;
    private final INDArray bias;
    private final INDArray weightGradient;
    private final INDArray biasGradient;
    private final BatchCache<Buffers> buffers;
    private final Gemm.Addresses addresses = new Gemm.Addresses();

    private INDArray input;
    private Buffers current;

    DenseLayer(int index, int inputs, int units, Activation activation, ParameterBuffer parameters, long offset) {
        this.index = index;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        long weightCount = (long) inputs * units;
        this.weights = parameters.parameterView(offset, inputs, units);
        this.bias = parameters.parameterView(offset + weightCount, 1, units);
        this.weightGradient = parameters.gradientView(offset, inputs, units);
        this.biasGradient = parameters.gradientView(offset + weightCount, 1, units);
        this.buffers = new BatchCache<>(rows -> new Buffers(rows, inputs, units, activation, weights));
    }

    static long parameterCount(int inputs, int units) {
        return (long) inputs * units + units;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return units;
    }

    Activation activation() {
        return activation;
    }

    INDArray weights() {
        return weights;
    }

    INDArray bias() {
        return bias;
    }

    INDArray weightGradient() {
        return weightGradient;
    }

    @Override
    public String describe() {
        return "layer " + (index + 1) + " (dense " + units + " " + activation.jsonName() + ")";
    }

    @Override
    public INDArray forward(INDArray input, boolean training, long dropoutSeed) {
        forwardPreActivation(input);
        if (current.relu != null) {
            current.relu.forward();
        } else {
            Activations.forward(activation, current.z, current.a);
        }
        return current.a;
    }

    /**
     * The training forward pass up to {@code z}, leaving {@link #trainingOutput()} unset: a fused
     * loss computes the output activations itself.
     */
    INDArray forwardPreActivation(INDArray input) {
        this.input = input;
        this.current = buffers.forRows((int) input.rows());
        // z = 1·b, then z += a·W: the bias broadcast as a rank-1 GEMM beats addiRowVector
        Gemm.gemm(current.onesColumn, bias, current.z, false, false, 1.0, 0.0, addresses);
        Gemm.gemm(input, weights, current.z, false, false, 1.0, 1.0, addresses);
        return current.z;
    }

    /** The activation array of the last training forward pass. */
    INDArray trainingOutput() {
        return current.a;
    }

    /** Pre-activation of the last training forward pass. */
    INDArray preActivation() {
        return current.z;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean inputGradientNeeded) {
        INDArray dz = current.relu != null && current.relu.backward(outputGradient) ? outputGradient
                : Activations.backward(activation, current.z, current.a, outputGradient, current.scratch);
        return backwardFromPreActivation(dz, inputGradientNeeded);
    }

    /** Backward for a gradient already taken with respect to {@code z} (fused losses). */
    INDArray backwardFromPreActivation(INDArray dz, boolean inputGradientNeeded) {
        // beta 0: each layer owns its slice of the gradient vector and writes it whole, so the
        // vector needs no zeroing pass before a batch
        Gemm.gemm(input, dz, weightGradient, true, false, 1.0, 0.0, addresses);
        Gemm.gemm(current.onesRow, dz, biasGradient, false, false, 1.0, 0.0, addresses);
        if (!inputGradientNeeded) {
            return null;
        }
        Gemm.gemm(dz, weights, current.inputGradient, false, true, 1.0, 0.0, addresses);
        return current.inputGradient;
    }

    @Override
    public INDArray infer(INDArray input) {
        INDArray z = inferPreActivation(input);
        if (activation == Activation.IDENTITY) {
            return z;
        }
        INDArray a = z.ulike();
        Activations.forward(activation, z, a);
        z.close();
        return a;
    }

    INDArray inferPreActivation(INDArray input) {
        INDArray z = Nd4j.create(weights.dataType(), input.rows(), units);
        Gemm.gemm(input, weights, z, false, false, 1.0, 0.0);
        return z.addiRowVector(bias);
    }

    /** Work arrays for one batch size. */
    private static final class Buffers {
        final INDArray z;
        final INDArray a;
        final INDArray scratch;
        final INDArray onesRow;
        final INDArray onesColumn;
        final INDArray inputGradient;
        final HostRelu relu;

        Buffers(int rows, int inputs, int units, Activation activation, INDArray weights) {
            var type = weights.dataType();
            z = Nd4j.create(type, rows, units);
            a = activation == Activation.IDENTITY ? z : Nd4j.create(type, rows, units);
            scratch = Nd4j.create(type, rows, units);
            onesRow = Nd4j.ones(type, 1, rows);
            onesColumn = Nd4j.ones(type, rows, 1);
            inputGradient = Nd4j.create(type, rows, inputs);
            relu = activation == Activation.RELU && HostRelu.supports(type) ? new HostRelu(z, a) : null;
        }
    }
}
