package dev.chainrule.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.NormalizationKernel;

/**
 * Batch normalization of each column, as PyTorch's {@code BatchNorm1d}:
 *
 * <pre>
 * forward    μ, σ²  = mean and (biased) variance of each column over the batch
 *            x̂     = (x − μ)/√(σ² + ε)
 *            y     = γ ⊙ x̂ + β
 *            running mean ← (1 − m)·running mean + m·μ
 *            running var  ← (1 − m)·running var  + m·σ²·n/(n − 1)      (unbiased)
 * backward   dL/dγ = Σ dL/dy ⊙ x̂,  dL/dβ = Σ dL/dy
 *            dL/dx = γ/(n·√(σ² + ε)) ⊙ (n·dL/dy − Σ dL/dy − x̂ ⊙ Σ dL/dy ⊙ x̂)
 * inference  y     = γ ⊙ (x − running mean)/√(running var + ε) + β
 * </pre>
 *
 * γ and β are parameters; the running statistics are state (no gradient, never touched by an
 * optimizer), carried by checkpoints beside the parameters. A training batch needs two rows or more:
 * the variance of one row is zero and its unbiased estimate undefined.
 */
final class BatchNormLayer implements Layer {

    private final String description;
    private final int width;
    private final double momentum;
    private final double epsilon;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private final NormalizationKernel kernel;
    private final BatchCache<Pass> passes;
    private Pass last;

    BatchNormLayer(String description, int width, double momentum, double epsilon, ParameterBuffer parameters,
            Kernels kernels, DataType dataType) {
        this.description = description;
        this.width = width;
        this.momentum = momentum;
        this.epsilon = epsilon;
        this.gamma = parameters.declare("gamma", 1, width, false);
        this.beta = parameters.declare("beta", 1, width, false);
        this.runningMean = parameters.declareState("runningMean", 1, width);
        this.runningVar = parameters.declareState("runningVar", 1, width);
        this.kernel = kernels.normalization();
        this.passes = new BatchCache<>(rows -> new Pass(rows, width, dataType));
    }

    @Override
    public INDArray forward(INDArray x, long batchSeed) {
        int rows = (int) x.rows();
        if (rows < 2) {
            throw new IllegalArgumentException(description + " needs at least 2 rows in a training batch, got "
                    + rows + ": the variance of a single row is undefined");
        }
        Pass p = passes.forRows(rows);
        p.x = x;
        kernel.normalize(x, gamma.value(), beta.value(), epsilon, p.mean, p.variance, p.inverseStd, p.xHat, p.y);
        kernel.updateRunning(runningMean.value(), p.mean, momentum, 1);
        kernel.updateRunning(runningVar.value(), p.variance, momentum, rows / (rows - 1.0));
        last = p;
        return p.y;
    }

    @Override
    public INDArray backward(INDArray dY, boolean inputGradientNeeded) {
        Pass p = last;
        p.dY = dY;
        p.dX = inputGradientNeeded ? p.ownDX : null;
        kernel.backward(dY, p.xHat, gamma.value(), p.inverseStd, gamma.gradient(), beta.gradient(), p.dX);
        return p.dX;
    }

    @Override
    public INDArray infer(INDArray x) {
        return kernel.infer(x, gamma.value(), beta.value(), runningMean.value(), runningVar.value(), epsilon);
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    /** The running statistics, in the order of the state vector. */
    List<Parameter> state() {
        return List.of(runningMean, runningVar);
    }

    /** γ = 1, β = 0, running mean 0 and running variance 1, as PyTorch starts; draws nothing. */
    @Override
    public void initialize(WeightInit scheme, SplittableRandom random) {
        gamma.value().assign(1);
        beta.value().assign(0);
        runningMean.value().assign(0);
        runningVar.value().assign(1);
    }

    @Override
    public LayerParameters exportParameters() {
        return LayerParameters.batchNorm(gamma.value().toDoubleVector(), beta.value().toDoubleVector(),
                runningMean.value().toDoubleVector(), runningVar.value().toDoubleVector());
    }

    @Override
    public void importParameters(LayerParameters entry) {
        if (!entry.ofBatchNorm()) {
            throw new IllegalArgumentException(describe() + " expects gamma, beta, runningMean and runningVar");
        }
        set(gamma, entry.gamma());
        set(beta, entry.beta());
        set(runningMean, entry.runningMean());
        set(runningVar, entry.runningVar());
    }

    private void set(Parameter target, double[] values) {
        if (values == null || values.length != width) {
            throw new IllegalArgumentException(describe() + " expects " + target.name() + " of shape [" + width
                    + "] but got [" + (values == null ? "null" : values.length) + "]");
        }
        try (INDArray array = Nd4j.createFromArray(values)) {
            target.value().assign(array.reshape(1, width));
        }
    }

    @Override
    public LayerPass lastPass() {
        Pass p = last;
        return p == null ? new LayerPass(description, null, null, null, null, null, null, parameters())
                : new LayerPass(description, p.x, null, p.y, p.dY, null, p.dX, parameters());
    }

    /** dL/dy, the gradient reaching this layer's output (it has no {@code z}). */
    @Override
    public INDArray lastErrorSignal() {
        return last == null ? null : last.dY;
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public String describe() {
        return description;
    }

    /** One batch size's arrays, and what the last pass through them was given. */
    private static final class Pass {
        final INDArray mean;
        final INDArray variance;
        final INDArray inverseStd;
        final INDArray xHat;
        final INDArray y;
        final INDArray ownDX;
        INDArray x;
        INDArray dY;
        INDArray dX;

        Pass(int rows, int width, DataType type) {
            mean = Nd4j.create(type, 1, width);
            variance = Nd4j.create(type, 1, width);
            inverseStd = Nd4j.create(type, 1, width);
            xHat = Nd4j.create(type, rows, width);
            y = Nd4j.create(type, rows, width);
            ownDX = Nd4j.create(type, rows, width);
        }
    }
}
