package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What every update rule here shares: PyTorch's coupled weight decay ({@code g += wd·p}), the step
 * count, and state buffers that export and import exactly.
 */
abstract class FlatOptimizer implements Optimizer {

    private final double weightDecay;
    private final StateBuffers state;

    FlatOptimizer(double weightDecay, int buffers, long size, DataType dataType) {
        this.weightDecay = weightDecay;
        this.state = new StateBuffers(buffers, size, dataType);
    }

    @Override
    public final void step(INDArray parameters, INDArray gradients, double learningRate) {
        if (weightDecay != 0) {
            axpy(weightDecay, parameters, gradients);
        }
        update(parameters, gradients, learningRate, state.advance());
    }

    /** The rule itself, for step number {@code t} (from 1). */
    abstract void update(INDArray parameters, INDArray gradients, double learningRate, long t);

    INDArray buffer(int index) {
        return state.get(index);
    }

    /** {@code y += alpha·x}, in place over whole vectors. */
    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
    }

    @Override
    public final OptimizerState exportState() {
        return state.export();
    }

    @Override
    public final void importState(OptimizerState imported) {
        state.restore(imported);
    }
}
