package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An update rule over the flat parameter and gradient vectors. Its state (moment buffers and the
 * step count) can be exported and imported exactly, so a resumed run continues bit for bit.
 */
public interface Optimizer {

    /** One update of {@code parameters} in place; {@code gradients} may be overwritten. */
    void step(INDArray parameters, INDArray gradients, double learningRate);

    /** A copy of the state. */
    OptimizerState exportState();

    void importState(OptimizerState state);

    static Optimizer create(OptimizerSpec spec, long size, DataType dataType) {
        if (!(spec.learningRate() > 0) || !(spec.weightDecay() >= 0)) {
            throw new IllegalArgumentException("learning rate must be > 0 and weight decay >= 0");
        }
        if (spec instanceof OptimizerSpec.Sgd sgd) {
            return new Sgd(sgd, size, dataType);
        } else if (spec instanceof OptimizerSpec.Adam adam) {
            return new Adam(adam, size, dataType);
        } else if (spec instanceof OptimizerSpec.RmsProp rmsProp) {
            return new RmsProp(rmsProp, size, dataType);
        }
        throw new IllegalArgumentException("unknown optimizer " + spec);
    }
}
