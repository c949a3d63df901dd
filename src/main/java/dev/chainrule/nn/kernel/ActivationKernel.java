package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One activation function and its derivative. {@link #forward} and {@link #backward} are the
 * training pass (arrays cached by identity, as in {@link MatrixKernel}); {@link #apply} is inference.
 */
public interface ActivationKernel {

    /** {@code a = f(z)}; {@code a} may be {@code z} only for the identity. */
    void forward(INDArray z, INDArray a);

    /**
     * {@code dz = f'(z) ⊙ da}, given {@code a = f(z)} of the same pass. Reads {@code z}, {@code a} and
     * {@code da}, writes only {@code dz} (which may be {@code da} only for the identity).
     */
    void backward(INDArray z, INDArray a, INDArray da, INDArray dz);

    /** A new array {@code f(z)} (inference). */
    INDArray apply(INDArray z);
}
