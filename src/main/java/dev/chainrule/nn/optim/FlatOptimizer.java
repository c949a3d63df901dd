package dev.chainrule.nn.optim;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** What every update rule here shares: the step count and exact export and import of its buffers. */
abstract class FlatOptimizer implements Optimizer {

    private long steps;

    @Override
    public final void step(INDArray parameters, INDArray gradients, double learningRate) {
        update(parameters, gradients, learningRate, ++steps);
    }

    /** The rule itself, for step number {@code t} (from 1). */
    abstract void update(INDArray parameters, INDArray gradients, double learningRate, long t);

    /** Copies of the buffers. */
    abstract List<INDArray> exportBuffers();

    abstract void importBuffers(List<INDArray> buffers);

    abstract int bufferCount();

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

    static void checkLength(INDArray source, long expected) {
        if (source.length() != expected) {
            throw new IllegalArgumentException("optimizer buffer has " + source.length() + " values, expected "
                    + expected);
        }
    }

    /** {@code y += alpha·x} over whole vectors (BLAS; faster than ND4J's pairwise ops). */
    static void axpy(double alpha, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
    }

    /** {@code x *= alpha} (BLAS; several times faster than {@code INDArray.muli(Number)}). */
    static void scale(double alpha, INDArray x) {
        Nd4j.getBlasWrapper().level1().scal(x.length(), alpha, x);
    }
}
