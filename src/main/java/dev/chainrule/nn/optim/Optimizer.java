package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An update rule over the flat parameter and gradient vectors. Its state (moment buffers and the
 * step count) can be exported and imported exactly, so a resumed run continues bit for bit. A
 * network's kernel set makes one ({@code Kernels.optimizer}); {@link OptimizerSpecs#check} says
 * which hyper-parameters are accepted.
 */
public interface Optimizer {

    /** One update of {@code parameters} in place; {@code gradients} may be overwritten. */
    void step(INDArray parameters, INDArray gradients, double learningRate);

    /** A copy of the state. */
    OptimizerState exportState();

    void importState(OptimizerState state);
}
