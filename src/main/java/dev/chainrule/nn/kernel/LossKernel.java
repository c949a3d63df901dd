package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Loss;

/**
 * Output activations and losses, with PyTorch's mean reductions: cross-entropy averages over the
 * rows, every other loss over rows × outputs. The training methods write into the caller's arrays
 * (cached by identity, as in {@link MatrixKernel}); {@link #value} keeps nothing.
 */
public interface LossKernel {

    /**
     * Softmax and cross-entropy in one: writes {@code a = softmax(z)} row by row and
     * {@code dz = (a − y)/rows}, and returns the batch mean of {@code Σ_j y_j·(logsumexp(z) − z_j)}.
     */
    double softmaxCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz);

    /**
     * Sigmoid and binary cross-entropy in one: writes {@code a = σ(z)} and {@code dz = (a − y)/n}
     * ({@code n} = rows × outputs), and returns the mean of {@code softplus(z) − z·y}.
     */
    double sigmoidBinaryCrossEntropy(INDArray z, INDArray y, INDArray a, INDArray dz);

    /**
     * {@code mse}, {@code mae} or {@code huber} (δ = 1) of the outputs {@code a} against {@code y}:
     * writes {@code da = dL/da} and returns the mean over every element.
     */
    double regression(Loss loss, INDArray a, INDArray y, INDArray da);

    /**
     * The mean loss alone, for evaluation: the fused losses from {@code z} (so that they stay finite
     * for any logit), the others from {@code a}.
     */
    double value(Loss loss, INDArray z, INDArray a, INDArray y);
}
