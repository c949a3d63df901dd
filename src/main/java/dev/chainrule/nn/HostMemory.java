package dev.chainrule.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Plain Java reads and writes of a small array's memory. Every ND4J op costs tens of microseconds
 * of dispatch however few its elements; for a batch's outputs (rows × classes) a loop over the
 * values is many times cheaper and allocates no native memory.
 */
public final class HostMemory {

    private final ByteBuffer bytes;
    private final boolean doubles;

    private HostMemory(INDArray array) {
        this.bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        this.doubles = array.dataType() == DataType.DOUBLE;
    }

    /**
     * Whether {@link #of} can take the array: float or double, dense row-major, its memory starting
     * at its first element (views are not), and small enough for one byte buffer.
     */
    public static boolean readable(INDArray array) {
        DataType type = array.dataType();
        return (type == DataType.FLOAT || type == DataType.DOUBLE) && array.ordering() == 'c'
                && !array.isView() && array.offset() == 0 && array.length() * type.width() <= Integer.MAX_VALUE;
    }

    /** The array's elements in row-major order; only for {@link #readable} arrays. */
    public static HostMemory of(INDArray array) {
        return new HostMemory(array);
    }

    public double get(int index) {
        return doubles ? bytes.getDouble(index * Double.BYTES) : bytes.getFloat(index * Float.BYTES);
    }

    public void set(int index, double value) {
        if (doubles) {
            bytes.putDouble(index * Double.BYTES, value);
        } else {
            bytes.putFloat(index * Float.BYTES, (float) value);
        }
    }
}
