package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * The arithmetic the engine's layers are written in, as one set of interchangeable kernels. The
 * layers in {@code dev.chainrule.nn} state the math (which product, which derivative, which
 * buffer); a kernel set decides how it is computed. Two sets exist: the reference set on plain ND4J
 * ops, and the fast set (direct BLAS calls with pointers cached per array, Java loops over bulk
 * copies, fused softmax + cross-entropy and fused optimizer loops). Both compute the same numbers
 * up to rounding; the tests run the engine under each.
 *
 * <p>Every factory method returns a fresh kernel for one user (one layer, one output, one training
 * run): a fast kernel caches native pointers and memory views of the arrays it is given, so it must
 * not be shared between layers. See {@code docs/engine.md} for the rules the fast set relies on.
 */
public interface Kernels {

    /** {@code fast} or {@code reference}, for messages and test names. */
    String name();

    /** Products, sums and element-wise helpers of one layer. */
    MatrixKernel matrix();

    /** {@code f} and its derivative for one layer. */
    ActivationKernel activation(Activation f);

    /** Batch normalization of one layer. */
    NormalizationKernel normalization();

    /** The output activation and loss computations of one network. */
    LossKernel loss();

    /** An update rule over the flat parameter vector, with its state in {@code dataType}. */
    Optimizer optimizer(OptimizerSpec spec, long size, DataType dataType);
}
