package dev.chainrule.nn;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * A fully connected layer, W shaped [inputs, units]:
 *
 * <pre>
 * forward    z     = x·W + b
 *            a     = f(z)
 * backward   dL/dz = f'(z) ⊙ dL/da
 *            dL/dW = xᵀ·dL/dz
 *            dL/db = Σ_rows dL/dz
 *            dL/dx = dL/dz·Wᵀ          (for the layer below)
 * </pre>
 *
 * The products take transpose flags, so no transposed copy is made. For the identity, {@code a} is
 * {@code z} and dL/dz is dL/da (no copies). The network's output layer is built with the identity:
 * its activation belongs to the {@link OutputLoss} after it.
 */
final class DenseLayer implements Layer {

    private final String description;
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;
    private final MatrixKernel matrix;
    private final ActivationKernel f;
    private final BatchCache<Pass> passes;
    private Pass last;

    DenseLayer(String description, int inputs, int units, Activation activation, ParameterBuffer parameters,
            Kernels kernels, DataType dataType) {
        this.description = description;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weights = parameters.declare("weights", inputs, units, true);
        this.bias = parameters.declare("bias", 1, units, false);
        this.matrix = kernels.matrix();
        this.f = kernels.activation(activation);
        this.passes = new BatchCache<>(rows -> new Pass(rows, inputs, units, activation, dataType));
    }

    @Override
    public INDArray forward(INDArray x, long batchSeed) {
        Pass p = passes.forRows((int) x.rows());
        p.x = x;
        matrix.affine(x, weights.value(), bias.value(), p.z);          // z = x·W + b
        f.forward(p.z, p.a);                                            // a = f(z)
        last = p;
        return p.a;
    }

    @Override
    public INDArray backward(INDArray dA, boolean inputGradientNeeded) {
        Pass p = last;
        p.dA = dA;
        p.dZ = activation == Activation.IDENTITY ? dA : p.ownDZ;
        f.backward(p.z, p.a, dA, p.dZ);                                 // dL/dz = f'(z) ⊙ dL/da
        matrix.multiply(p.x, true, p.dZ, false, weights.gradient());    // dL/dW = xᵀ·dL/dz
        matrix.sumRows(p.dZ, bias.gradient());                          // dL/db = Σ_rows dL/dz
        p.dX = null;
        if (inputGradientNeeded) {
            matrix.multiply(p.dZ, false, weights.value(), true, p.ownDX); // dL/dx = dL/dz·Wᵀ
            p.dX = p.ownDX;
        }
        return p.dX;
    }

    @Override
    public INDArray infer(INDArray x) {
        INDArray z = matrix.affine(x, weights.value(), bias.value());
        if (activation == Activation.IDENTITY) {
            return z;
        }
        INDArray a = f.apply(z);
        z.close();
        return a;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    /**
     * Weights from the scheme's distribution for this layer's fan-in and fan-out; biases are drawn after
     * them where the scheme draws biases (as PyTorch's {@code Linear}), else they stay zero.
     */
    @Override
    public void initialize(WeightInit scheme, SplittableRandom random) {
        double[] values = WeightInitializer.draw(scheme, inputs, units, random);
        try (INDArray drawn = Nd4j.createFromArray(values)) {
            weights.value().assign(drawn.reshape(inputs, units));
        }
        if (scheme.drawsBiases()) {
            try (INDArray drawn = Nd4j.createFromArray(WeightInitializer.drawBiases(inputs, units, random))) {
                bias.value().assign(drawn.reshape(1, units));
            }
        }
    }

    @Override
    public LayerParameters exportParameters() {
        return new LayerParameters(rows(weights.value().dup('c').data().asDouble(), inputs, units),
                bias.value().toDoubleVector());
    }

    /** One bulk copy cut into rows: {@code toDoubleMatrix} makes a view per row, slow for wide layers. */
    private static double[][] rows(double[] flat, int rows, int columns) {
        double[][] matrix = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * columns, matrix[r], 0, columns);
        }
        return matrix;
    }

    @Override
    public void importParameters(LayerParameters entry) {
        if (entry.ofBatchNorm()) {
            throw new IllegalArgumentException(describe() + " expects weights and bias but got batch norm parameters");
        }
        double[][] w = entry.weights();
        double[] b = entry.bias();
        boolean rectangular = w != null && Arrays.stream(w).allMatch(row -> row != null && row.length == units);
        if (!rectangular || w.length != inputs) {
            throw new IllegalArgumentException(describe() + " expects weights of shape [" + inputs + ", " + units
                    + "] but got " + describeShape(w));
        }
        if (b == null || b.length != units) {
            throw new IllegalArgumentException(describe() + " expects bias of shape [" + units + "] but got ["
                    + (b == null ? "null" : b.length) + "]");
        }
        try (INDArray wArray = Nd4j.createFromArray(w); INDArray bArray = Nd4j.createFromArray(b)) {
            weights.value().assign(wArray);
            bias.value().assign(bArray.reshape(1, b.length));
        }
    }

    private static String describeShape(double[][] w) {
        if (w == null) {
            return "null";
        }
        String widths = Arrays.stream(w).mapToInt(row -> row == null ? 0 : row.length).distinct()
                .mapToObj(Integer::toString).reduce((l, r) -> l + "|" + r).orElse("0");
        return "[" + w.length + ", " + widths + "]";
    }

    @Override
    public LayerPass lastPass() {
        Pass p = last;
        return p == null ? new LayerPass(description, null, null, null, null, null, null, parameters())
                : new LayerPass(description, p.x, p.z, p.a, p.dA, p.dZ, p.dX, parameters());
    }

    @Override
    public INDArray lastErrorSignal() {
        return last == null ? null : last.dZ;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return units;
    }

    @Override
    public String describe() {
        return description;
    }

    /** One batch size's arrays, and what the last pass through them was given. */
    private static final class Pass {
        final INDArray z;
        final INDArray a;
        final INDArray ownDZ;
        final INDArray ownDX;
        INDArray x;
        INDArray dA;
        INDArray dZ;
        INDArray dX;

        Pass(int rows, int inputs, int units, Activation activation, DataType type) {
            z = Nd4j.create(type, rows, units);
            a = activation == Activation.IDENTITY ? z : Nd4j.create(type, rows, units);
            ownDZ = activation == Activation.IDENTITY ? null : Nd4j.create(type, rows, units);
            ownDX = Nd4j.create(type, rows, inputs);
        }
    }
}
