package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Batch normalization of one layer, column by column over the rows of a batch. Row vectors are
 * shaped [1, columns]. Training methods write into the arrays they are given and follow the rules of
 * {@link MatrixKernel}; {@link #infer} returns a new array and keeps nothing.
 */
public interface NormalizationKernel {

    /**
     * The training forward pass: {@code mean} and {@code variance} (biased, over the n rows) of each
     * column, {@code inverseStd = 1/√(variance + ε)}, {@code xHat = (x − mean)·inverseStd} and
     * {@code y = γ·xHat + β}.
     */
    void normalize(INDArray x, INDArray gamma, INDArray beta, double epsilon, INDArray mean, INDArray variance,
            INDArray inverseStd, INDArray xHat, INDArray y);

    /**
     * {@code dγ = Σ dy ⊙ x̂}, {@code dβ = Σ dy} over the rows, and, unless {@code dx} is null,
     * {@code dx = γ·inverseStd/n · (n·dy − Σ dy − x̂ · Σ dy ⊙ x̂)}.
     */
    void backward(INDArray dy, INDArray xHat, INDArray gamma, INDArray inverseStd, INDArray dGamma, INDArray dBeta,
            INDArray dx);

    /** {@code running = (1 − momentum)·running + momentum·scale·batch}. */
    void updateRunning(INDArray running, INDArray batch, double momentum, double scale);

    /** A new array {@code γ·(x − mean)/√(variance + ε) + β} (inference with running statistics). */
    INDArray infer(INDArray x, INDArray gamma, INDArray beta, INDArray mean, INDArray variance, double epsilon);
}
