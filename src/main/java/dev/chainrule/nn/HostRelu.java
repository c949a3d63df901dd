package dev.chainrule.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReLU of one layer's training pass as Java loops over bulk copies of the arrays' memory. Through
 * ND4J each element-wise op builds an op object and a context and crosses JNI (tens of microseconds
 * and a few kilobytes of garbage per op, and backward needed two); here each direction is one bulk
 * read, one loop and one bulk write, through memory views taken once, so a batch allocates nothing.
 *
 * <p>Backward works on the bit patterns: an activation is {@code max(z, 0)}, never negative, so it
 * is positive exactly when its bits are a non-zero (positive) integer, and {@code (−bits) >> 31} is
 * then all ones, else zero. Masking the gradient's bits with it is {@code grad·[a > 0]} without a
 * branch: the JIT vectorises it, where the comparison compiled to a mispredicted jump per element.
 */
final class HostRelu {

    private final INDArray a;
    private final boolean single;
    private final float[] valuesF;
    private final int[] activeBits;
    private final int[] gradientBits;
    private final double[] valuesD;
    private final long[] activeBitsD;
    private final long[] gradientBitsD;
    private final FloatBuffer zF;
    private final FloatBuffer aF;
    private final IntBuffer aBits;
    private final DoubleBuffer zD;
    private final DoubleBuffer aD;
    private final LongBuffer aBitsD;
    private INDArray lastGradient;
    private IntBuffer gradientMemory;
    private LongBuffer gradientMemoryD;

    /** For the layer's own {@code z} and {@code a}: same shape, each owning its memory. */
    HostRelu(INDArray z, INDArray a) {
        if (!owned(z) || !owned(a) || z.length() != a.length() || z.dataType() != a.dataType()) {
            throw new IllegalArgumentException("relu buffers must be owned arrays of one shape and type");
        }
        this.a = a;
        this.single = z.dataType() == DataType.FLOAT;
        int length = Math.toIntExact(z.length());
        this.valuesF = single ? new float[length] : null;
        this.activeBits = single ? new int[length] : null;
        this.gradientBits = single ? new int[length] : null;
        this.valuesD = single ? null : new double[length];
        this.activeBitsD = single ? null : new long[length];
        this.gradientBitsD = single ? null : new long[length];
        this.zF = single ? bytes(z).asFloatBuffer() : null;
        this.aF = single ? bytes(a).asFloatBuffer() : null;
        this.aBits = single ? bytes(a).asIntBuffer() : null;
        this.zD = single ? null : bytes(z).asDoubleBuffer();
        this.aD = single ? null : bytes(a).asDoubleBuffer();
        this.aBitsD = single ? null : bytes(a).asLongBuffer();
    }

    /** Whether the loops can serve arrays of this type (else the layer uses ND4J's ops). */
    static boolean supports(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /** {@code a = max(z, 0)}; NaN stays NaN, so a diverging run still shows in its loss. */
    void forward() {
        if (single) {
            float[] values = valuesF;
            zF.get(0, values);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(values[i], 0f);
            }
            aF.put(0, values);
        } else {
            double[] values = valuesD;
            zD.get(0, values);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(values[i], 0d);
            }
            aD.put(0, values);
        }
    }

    /**
     * {@code grad ⊙= [a > 0]} in place (the derivative is 0 at 0, as in PyTorch); false, with
     * {@code grad} untouched, when it does not own its memory in the shape of {@code a}.
     */
    boolean backward(INDArray grad) {
        if (grad != lastGradient) {
            if (!owned(grad) || grad.length() != a.length() || grad.dataType() != a.dataType()) {
                return false;
            }
            lastGradient = grad;
            gradientMemory = single ? bytes(grad).asIntBuffer() : null;
            gradientMemoryD = single ? null : bytes(grad).asLongBuffer();
        }
        if (single) {
            int[] g = gradientBits;
            int[] active = activeBits;
            aBits.get(0, active);
            gradientMemory.get(0, g);
            for (int i = 0; i < g.length; i++) {
                g[i] &= (-active[i]) >> 31;
            }
            gradientMemory.put(0, g);
        } else {
            long[] g = gradientBitsD;
            long[] active = activeBitsD;
            aBitsD.get(0, active);
            gradientMemoryD.get(0, g);
            for (int i = 0; i < g.length; i++) {
                g[i] &= (-active[i]) >> 63;
            }
            gradientMemoryD.put(0, g);
        }
        return true;
    }

    private static ByteBuffer bytes(INDArray array) {
        return array.data().asNio().order(ByteOrder.nativeOrder());
    }

    private static boolean owned(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && array.offset() == 0 && supports(array.dataType());
    }
}
