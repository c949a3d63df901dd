package dev.chainrule.nn.optim;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Java array mirror of a flat ND4J vector. Adam and RMSprop need a square root per element, which
 * ND4J's CPU ops evaluate about ten times slower than a plain loop the JIT vectorises; they copy
 * parameters and gradients in with one bulk copy, update them in a single fused loop, and copy the
 * parameters back.
 */
final class HeapVector {

    private final double[] values;
    private final float[] floats;

    HeapVector(long size) {
        this.values = new double[Math.toIntExact(size)];
        this.floats = new float[values.length];
    }

    double[] values() {
        return values;
    }

    HeapVector load(INDArray vector) {
        checkFlat(vector);
        if (vector.dataType() == DataType.DOUBLE) {
            DoubleBuffer source = vector.data().asNioDouble();
            source.get(values, 0, values.length);
        } else {
            FloatBuffer source = vector.data().asNioFloat();
            source.get(floats, 0, floats.length);
            for (int i = 0; i < values.length; i++) {
                values[i] = floats[i];
            }
        }
        return this;
    }

    void store(INDArray vector) {
        checkFlat(vector);
        if (vector.dataType() == DataType.DOUBLE) {
            vector.data().asNioDouble().put(values, 0, values.length);
        } else {
            for (int i = 0; i < values.length; i++) {
                floats[i] = (float) values[i];
            }
            vector.data().asNioFloat().put(floats, 0, floats.length);
        }
    }

    private void checkFlat(INDArray vector) {
        if (vector.isView() || vector.length() != values.length
                || (vector.dataType() != DataType.DOUBLE && vector.dataType() != DataType.FLOAT)) {
            throw new IllegalArgumentException("expected a flat float or double vector of " + values.length
                    + " values, got " + vector.shapeInfoToString());
        }
    }
}
