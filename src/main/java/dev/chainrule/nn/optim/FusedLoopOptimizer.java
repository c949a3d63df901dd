package dev.chainrule.nn.optim;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.HeapCopy;

/**
 * An update rule written as one loop over Java arrays: ND4J's element-wise square root and division
 * are about ten times slower than a loop the JIT vectorises, so parameters and gradients are copied
 * in with one bulk copy each, updated in a single fused loop, and the parameters copied back. The
 * state is kept in double precision whatever the training precision, and exported as such, so a
 * resume is exact.
 */
abstract class FusedLoopOptimizer extends FlatOptimizer {

    private final double[] parameters;
    private final double[] gradients;
    private final float[] floats;
    private final double[][] state;

    FusedLoopOptimizer(int buffers, long size) {
        this.parameters = new double[Math.toIntExact(size)];
        this.gradients = new double[parameters.length];
        this.floats = new float[parameters.length];
        this.state = new double[buffers][parameters.length];
    }

    @Override
    final void update(INDArray parameterVector, INDArray gradientVector, double learningRate, long t) {
        HeapCopy.read(parameterVector, parameters, floats);
        HeapCopy.read(gradientVector, gradients, floats);
        update(parameters, gradients, state, learningRate, t);
        HeapCopy.write(parameters, parameterVector, floats);
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
