package dev.chainrule.nn.optim;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every update rule shares whichever kernels compute it: the step count, and exact export and
 * import of its buffers (each laid out like the parameters, in the training precision).
 */
public abstract class FlatOptimizer implements Optimizer {

    private long steps;

    @Override
    public final void step(INDArray parameters, INDArray gradients, double learningRate) {
        update(parameters, gradients, learningRate, ++steps);
    }

    /** The rule itself, for step number {@code t} (from 1). */
    protected abstract void update(INDArray parameters, INDArray gradients, double learningRate, long t);

    /** Copies of the buffers. */
    protected abstract List<INDArray> exportBuffers();

    /** Replaces the buffers' values with {@code buffers} (already checked for their count). */
    protected abstract void importBuffers(List<INDArray> buffers);

    protected abstract int bufferCount();

    @Override
    public final OptimizerState exportState() {
        return new OptimizerState(steps, exportBuffers());
    }

    @Override
    public final void importState(OptimizerState state) {
        if (state.buffers().size() != bufferCount()) {
            throw new IllegalArgumentException("optimizer state has " + state.buffers().size()
                    + " buffers, expected " + bufferCount());
        }
        importBuffers(state.buffers());
        steps = state.steps();
    }

    protected static void checkLength(INDArray source, long expected) {
        if (source.length() != expected) {
            throw new IllegalArgumentException("optimizer buffer has " + source.length() + " values, expected "
                    + expected);
        }
    }
}
