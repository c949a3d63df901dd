package dev.chainrule.nn.optim;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An update rule written as one loop over Java arrays (see {@link HeapVector} for why). Its state is
 * kept in double precision whatever the training precision, and exported as such, so a resume is
 * exact.
 */
abstract class FusedLoopOptimizer extends FlatOptimizer {

    private final HeapVector parameters;
    private final HeapVector gradients;
    private final double[][] state;

    FusedLoopOptimizer(int buffers, long size) {
        this.parameters = new HeapVector(size);
        this.gradients = new HeapVector(size);
        this.state = new double[buffers][Math.toIntExact(size)];
    }

    @Override
    final void update(INDArray parameterVector, INDArray gradientVector, double learningRate, long t) {
        double[] p = parameters.load(parameterVector).values();
        double[] g = gradients.load(gradientVector).values();
        update(p, g, state, learningRate, t);
        parameters.store(parameterVector);
    }

    /** Updates {@code p} in place from {@code g}; {@code state} holds the rule's buffers. */
    abstract void update(double[] p, double[] g, double[][] state, double learningRate, long t);

    @Override
    final List<INDArray> exportBuffers() {
        List<INDArray> buffers = new ArrayList<>();
        for (double[] buffer : state) {
            buffers.add(Nd4j.createFromArray(buffer.clone()));
        }
        return buffers;
    }

    @Override
    final void importBuffers(List<INDArray> buffers) {
        for (int i = 0; i < state.length; i++) {
            checkLength(buffers.get(i), state[i].length);
            System.arraycopy(buffers.get(i).toDoubleVector(), 0, state[i], 0, state[i].length);
        }
    }

    @Override
    final int bufferCount() {
        return state.length;
    }
}
