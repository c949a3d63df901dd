package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * Limits the gradient before each optimizer step, as PyTorch's utilities do: {@code maxNorm} scales
 * the whole gradient vector by {@code maxNorm/(‖g‖ + 1e-6)} when that is below 1
 * ({@code torch.nn.utils.clip_grad_norm_}, the norm taken over every parameter together), then
 * {@code maxValue} clamps every value to [−maxValue, maxValue] ({@code clip_grad_value_}). Either may
 * be null (not clipped).
 */
public record GradientClipping(Double maxNorm, Double maxValue) {

    public static final GradientClipping NONE = new GradientClipping(null, null);

    public GradientClipping {
        if (maxNorm != null && !(maxNorm > 0 && Double.isFinite(maxNorm))) {
            throw new IllegalArgumentException("maxNorm must be a finite number > 0, was " + maxNorm);
        }
        if (maxValue != null && !(maxValue > 0 && Double.isFinite(maxValue))) {
            throw new IllegalArgumentException("maxValue must be a finite number > 0, was " + maxValue);
        }
    }

    public boolean clips() {
        return maxNorm != null || maxValue != null;
    }

    /** Clips {@code gradients} in place; allocates nothing with the fast kernels. */
    void apply(INDArray gradients, MatrixKernel kernel) {
        if (maxNorm != null) {
            double norm = Math.sqrt(kernel.sumOfSquares(gradients));
            double coefficient = maxNorm / (norm + 1e-6);
            if (coefficient < 1) {
                kernel.scale(coefficient, gradients);
            }
        }
        if (maxValue != null) {
            kernel.clamp(maxValue, gradients);
        }
    }
}
