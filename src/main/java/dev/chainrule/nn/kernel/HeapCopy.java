package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between ND4J arrays and Java {@code double[]}s or {@code float[]}s. ND4J's CPU ops cost tens of
 * microseconds each whatever their size, and a few of its element-wise ops (square root, division)
 * are slow even on large arrays; small outputs (losses, accuracies) and fused update loops are
 * cheaper as plain Java loops over a copy.
 */
public final class HeapCopy {

    private HeapCopy() {
    }

    /** All values of {@code array} in row-major order. */
    public static double[] read(INDArray array) {
        double[] values = new double[Math.toIntExact(array.length())];
        read(array, values, null);
        return values;
    }

    /** Fills {@code into} with the row-major values of {@code array}; {@code floats} may be null. */
    public static void read(INDArray array, double[] into, float[] floats) {
        INDArray flat = contiguous(array, into.length);
        if (flat.dataType() == DataType.DOUBLE) {
            flat.data().asNioDouble().get(into, 0, into.length);
            return;
        }
        float[] buffer = floats != null && floats.length >= into.length ? floats : new float[into.length];
        flat.data().asNioFloat().get(buffer, 0, into.length);
        for (int i = 0; i < into.length; i++) {
            into[i] = buffer[i];
        }
    }

    /** Writes {@code values} into {@code array}, which must own its memory (not a view). */
    public static void write(double[] values, INDArray array, float[] floats) {
        if (array.isView() || array.ordering() != 'c' || array.length() != values.length) {
            throw new IllegalArgumentException("cannot write " + values.length + " values into "
                    + array.shapeInfoToString());
        }
        if (array.dataType() == DataType.DOUBLE) {
            array.data().asNioDouble().put(values, 0, values.length);
            return;
        }
        float[] buffer = floats != null && floats.length >= values.length ? floats : new float[values.length];
        for (int i = 0; i < values.length; i++) {
            buffer[i] = (float) values[i];
        }
        array.data().asNioFloat().put(buffer, 0, values.length);
    }

    /** Fills {@code into} with the row-major values of {@code array}, converted to float if need be. */
    public static void read(INDArray array, float[] into) {
        INDArray flat = contiguous(array, into.length);
        if (flat.dataType() != DataType.FLOAT) {
            flat = flat.castTo(DataType.FLOAT);
        }
        flat.data().asNioFloat().get(into, 0, into.length);
    }

    /** Writes {@code values} into {@code array}, a float array that owns its memory (not a view). */
    public static void write(float[] values, INDArray array) {
        if (array.isView() || array.ordering() != 'c' || array.length() != values.length
                || array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("cannot write " + values.length + " floats into "
                    + array.shapeInfoToString());
        }
        array.data().asNioFloat().put(values, 0, values.length);
    }

    private static INDArray contiguous(INDArray array, int expected) {
        if (array.length() != expected) {
            throw new IllegalArgumentException("expected " + expected + " values, got " + array.shapeInfoToString());
        }
        boolean owned = !array.isView() && array.ordering() == 'c'
                && (array.dataType() == DataType.DOUBLE || array.dataType() == DataType.FLOAT);
        if (owned) {
            return array;
        }
        INDArray copy = array.dataType() == DataType.DOUBLE ? array.dup('c') : array.castTo(DataType.DOUBLE).dup('c');
        return copy;
    }
}
