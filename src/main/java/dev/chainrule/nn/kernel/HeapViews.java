package dev.chainrule.nn.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.IdentityHashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies between arrays that own their memory and Java arrays, through NIO views of that
 * memory kept per array by identity. Asking ND4J for a view allocates a buffer object every time;
 * the training arrays are the same every batch, so each is asked once and a copy allocates nothing.
 *
 * <p>For one thread. Every array passed here must {@link #owns own} its memory and stay open while
 * the views are kept (see {@code docs/engine.md}); the cache is bounded and forgets everything when
 * it fills, so arrays of an earlier run drop out.
 */
public final class HeapViews {

    private static final int CAPACITY = 64;

    private final Map<INDArray, Views> views = new IdentityHashMap<>();
    private float[] floats = new float[0];

    /**
     * Whether the loops can use {@code array}: float or double, row-major, not a view and starting at
     * the start of its memory (a view's NIO buffer would start at its base array's first element).
     */
    public static boolean owns(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && array.offset() == 0
                && (array.dataType() == DataType.FLOAT || array.dataType() == DataType.DOUBLE);
    }

    /** The first {@code length} values of {@code array} into {@code into}. */
    public void read(INDArray array, float[] into, int length) {
        viewsOf(array).floats().get(0, into, 0, length);
    }

    /** The first {@code length} values of {@code array} (float or double) into {@code into}. */
    public void read(INDArray array, double[] into, int length) {
        Views v = viewsOf(array);
        if (array.dataType() == DataType.DOUBLE) {
            v.doubles().get(0, into, 0, length);
            return;
        }
        float[] scratch = scratch(length);
        v.floats().get(0, scratch, 0, length);
        for (int i = 0; i < length; i++) {
            into[i] = scratch[i];
        }
    }

    public void read(INDArray array, int[] bitsInto, int length) {
        viewsOf(array).ints().get(0, bitsInto, 0, length);
    }

    public void read(INDArray array, long[] bitsInto, int length) {
        viewsOf(array).longs().get(0, bitsInto, 0, length);
    }

    public void write(float[] values, int length, INDArray array) {
        viewsOf(array).floats().put(0, values, 0, length);
    }

    /** Writes {@code values} into a float or double array, rounding to float where needed. */
    public void write(double[] values, int length, INDArray array) {
        Views v = viewsOf(array);
        if (array.dataType() == DataType.DOUBLE) {
            v.doubles().put(0, values, 0, length);
            return;
        }
        float[] scratch = scratch(length);
        for (int i = 0; i < length; i++) {
            scratch[i] = (float) values[i];
        }
        v.floats().put(0, scratch, 0, length);
    }

    public void write(int[] bits, int length, INDArray array) {
        viewsOf(array).ints().put(0, bits, 0, length);
    }

    public void write(long[] bits, int length, INDArray array) {
        viewsOf(array).longs().put(0, bits, 0, length);
    }

    private float[] scratch(int length) {
        if (floats.length < length) {
            floats = new float[length];
        }
        return floats;
    }

    private Views viewsOf(INDArray array) {
        Views v = views.get(array);
        if (v == null) {
            if (!owns(array)) {
                throw new IllegalArgumentException("heap loops need an array that owns its memory, got "
                        + array.shapeInfoToString());
            }
            if (views.size() >= CAPACITY) {
                views.clear();
            }
            v = new Views(array.data().asNio().order(ByteOrder.nativeOrder()));
            views.put(array, v);
        }
        return v;
    }

    /** Typed views of one array's memory, each made on first use. */
    private static final class Views {
        private final ByteBuffer bytes;
        private FloatBuffer floats;
        private DoubleBuffer doubles;
        private IntBuffer ints;
        private LongBuffer longs;

        Views(ByteBuffer bytes) {
            this.bytes = bytes;
        }

        FloatBuffer floats() {
            if (floats == null) {
                floats = bytes.asFloatBuffer();
            }
            return floats;
        }

        DoubleBuffer doubles() {
            if (doubles == null) {
                doubles = bytes.asDoubleBuffer();
            }
            return doubles;
        }

        IntBuffer ints() {
            if (ints == null) {
                ints = bytes.asIntBuffer();
            }
            return ints;
        }

        LongBuffer longs() {
            if (longs == null) {
                longs = bytes.asLongBuffer();
            }
            return longs;
        }
    }
}
