package dev.chainrule.nn.kernel.fast;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.HeapCopy;
import dev.chainrule.nn.kernel.HeapViews;
import dev.chainrule.nn.optim.FlatOptimizer;

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
    private final HeapViews views = new HeapViews();

    FusedLoopOptimizer(int buffers, long size, DataType dataType) {
        int length = Math.toIntExact(size);
        boolean single = dataType == DataType.FLOAT;
        this.doubles = single ? null : new DoubleLane(buffers, length);
        this.floats = single ? new FloatLane(buffers, length) : null;
    }

    @Override
    protected final void update(INDArray parameterVector, INDArray gradientVector, double learningRate, long t) {
        if (floats != null) {
            int length = floats.parameters.length;
            read(parameterVector, floats.parameters, length);
            read(gradientVector, floats.gradients, length);
            update(floats.parameters, floats.gradients, floats.state, learningRate, t);
            write(floats.parameters, parameterVector);
        } else {
            int length = doubles.parameters.length;
            read(parameterVector, doubles.parameters, length);
            read(gradientVector, doubles.gradients, length);
            update(doubles.parameters, doubles.gradients, doubles.state, learningRate, t);
            write(doubles.parameters, parameterVector);
        }
    }

    // The network's flat vectors own their memory in the training type: copied through kept views.
    // Anything else (a view, another type) takes a converting copy.

    private void read(INDArray vector, float[] into, int length) {
        if (fits(vector, DataType.FLOAT, length)) {
            views.read(vector, into, length);
        } else {
            HeapCopy.read(vector, into);
        }
    }

    private void read(INDArray vector, double[] into, int length) {
        if (fits(vector, DataType.DOUBLE, length)) {
            views.read(vector, into, length);
        } else {
            HeapCopy.read(vector, into, null);
        }
    }

    private void write(float[] values, INDArray vector) {
        if (fits(vector, DataType.FLOAT, values.length)) {
            views.write(values, values.length, vector);
        } else {
            HeapCopy.write(values, vector);
        }
    }

    private void write(double[] values, INDArray vector) {
        if (fits(vector, DataType.DOUBLE, values.length)) {
            views.write(values, values.length, vector);
        } else {
            HeapCopy.write(values, vector, null);
        }
    }

    private static boolean fits(INDArray vector, DataType type, int length) {
        return HeapViews.owns(vector) && vector.dataType() == type && vector.length() == length;
    }

    /** Updates {@code p} in place from {@code g}; {@code state} holds the rule's buffers. */
    abstract void update(double[] p, double[] g, double[][] state, double learningRate, long t);

    /** The same rule in single precision. */
    abstract void update(float[] p, float[] g, float[][] state, double learningRate, long t);

    @Override
    protected final List<INDArray> exportBuffers() {
        List<INDArray> buffers = new ArrayList<>();
        for (int i = 0; i < bufferCount(); i++) {
            buffers.add(floats != null ? Nd4j.createFromArray(floats.state[i].clone())
                    : Nd4j.createFromArray(doubles.state[i].clone()));
        }
        return buffers;
    }

    @Override
    protected final void importBuffers(List<INDArray> buffers) {
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
    protected final int bufferCount() {
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
