package dev.chainrule.nn.optim;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.HeapCopy;

/**
 * An update rule written as one loop over Java arrays: ND4J's element-wise square root and division
 * are about ten times slower than a loop the JIT vectorises, so parameters and gradients are copied
 * in with one bulk copy each, updated in a single fused loop, and the parameters copied back.
 *
 * <p>The loop and its state run in the training precision: float32 training keeps float moments
 * and loops over {@code float[]} (half the memory traffic and twice the vector lanes of doubles,
 * and no conversions on the way in and out), float64 training keeps double moments. The state is
 * exported in that same precision, so a resume is exact either way.
 */
abstract class FusedLoopOptimizer extends FlatOptimizer {

    private final DoubleLane doubles;
    private final FloatLane floats;

    FusedLoopOptimizer(int buffers, long size, DataType dataType) {
        int length = Math.toIntExact(size);
        boolean single = dataType == DataType.FLOAT;
        this.doubles = single ? null : new DoubleLane(buffers, length);
        this.floats = single ? new FloatLane(buffers, length) : null;
    }

    @Override
    final void update(INDArray parameterVector, INDArray gradientVector, double learningRate, long t) {
        if (floats != null) {
            HeapCopy.read(parameterVector, floats.parameters);
            HeapCopy.read(gradientVector, floats.gradients);
            update(floats.parameters, floats.gradients, floats.state, learningRate, t);
            HeapCopy.write(floats.parameters, parameterVector);
        } else {
            HeapCopy.read(parameterVector, doubles.parameters, null);
            HeapCopy.read(gradientVector, doubles.gradients, null);
            update(doubles.parameters, doubles.gradients, doubles.state, learningRate, t);
            HeapCopy.write(doubles.parameters, parameterVector, null);
        }
    }

    /** Updates {@code p} in place from {@code g}; {@code state} holds the rule's buffers. */
    abstract void update(double[] p, double[] g, double[][] state, double learningRate, long t);

    /** The same rule in single precision. */
    abstract void update(float[] p, float[] g, float[][] state, double learningRate, long t);

    @Override
    final List<INDArray> exportBuffers() {
        List<INDArray> buffers = new ArrayList<>();
        for (int i = 0; i < bufferCount(); i++) {
            buffers.add(floats != null ? Nd4j.createFromArray(floats.state[i].clone())
                    : Nd4j.createFromArray(doubles.state[i].clone()));
        }
        return buffers;
    }

    @Override
    final void importBuffers(List<INDArray> buffers) {
        for (int i = 0; i < bufferCount(); i++) {
            INDArray source = buffers.get(i);
            if (floats != null) {
                checkLength(source, floats.state[i].length);
                System.arraycopy(source.toFloatVector(), 0, floats.state[i], 0, floats.state[i].length);
            } else {
                checkLength(source, doubles.state[i].length);
                System.arraycopy(source.toDoubleVector(), 0, doubles.state[i], 0, doubles.state[i].length);
            }
        }
    }

    @Override
    final int bufferCount() {
        return floats != null ? floats.state.length : doubles.state.length;
    }

    /** Work arrays and state of double-precision training. */
    private static final class DoubleLane {
        final double[] parameters;
        final double[] gradients;
        final double[][] state;

        DoubleLane(int buffers, int length) {
            parameters = new double[length];
            gradients = new double[length];
            state = new double[buffers][length];
        }
    }

    /** Work arrays and state of single-precision training. */
    private static final class FloatLane {
        final float[] parameters;
        final float[] gradients;
        final float[][] state;

        FloatLane(int buffers, int length) {
            parameters = new float[length];
            gradients = new float[length];
            state = new float[buffers][length];
        }
    }
}
