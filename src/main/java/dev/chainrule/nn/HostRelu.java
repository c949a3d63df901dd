package dev.chainrule.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ReLU of one layer's training pass as Java loops over bulk copies of the arrays' memory. Through
 * ND4J each element-wise op builds an op object and a context and crosses JNI (tens of microseconds
 * and a few kilobytes of garbage per op, and backward needed two); here forward keeps a heap copy of
 * the activations, and backward multiplies the incoming gradient by their step function in one
 * loop. The memory views are taken once, so a batch allocates nothing.
 */
final class HostRelu {

    private final INDArray a;
    private final boolean single;
    private final float[] activationsF;
    private final float[] gradientF;
    private final double[] activationsD;
    private final double[] gradientD;
    private final FloatBuffer zF;
    private final FloatBuffer aF;
    private final DoubleBuffer zD;
    private final DoubleBuffer aD;
    private INDArray lastGradient;
    private FloatBuffer gradientMemoryF;
    private DoubleBuffer gradientMemoryD;

    /** For the layer's own {@code z} and {@code a}: same shape, each owning its memory. */
    HostRelu(INDArray z, INDArray a) {
        if (!owned(z) || !owned(a) || z.length() != a.length() || z.dataType() != a.dataType()) {
            throw new IllegalArgumentException("relu buffers must be owned arrays of one shape and type");
        }
        this.a = a;
        this.single = z.dataType() == DataType.FLOAT;
        int length = Math.toIntExact(z.length());
        this.activationsF = single ? new float[length] : null;
        this.gradientF = single ? new float[length] : null;
        this.activationsD = single ? null : new double[length];
        this.gradientD = single ? null : new double[length];
        this.zF = single ? z.data().asNioFloat() : null;
        this.aF = single ? a.data().asNioFloat() : null;
        this.zD = single ? null : z.data().asNioDouble();
        this.aD = single ? null : a.data().asNioDouble();
    }

    /** Whether the loops can serve arrays of this type (else the layer uses ND4J's ops). */
    static boolean supports(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /** {@code a = max(z, 0)}; NaN stays NaN, so a diverging run still shows in its loss. */
    void forward() {
        if (single) {
            float[] values = activationsF;
            zF.get(0, values);
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.max(values[i], 0f);
            }
            aF.put(0, values);
        } else {
            double[] values = activationsD;
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
            gradientMemoryF = single ? grad.data().asNioFloat() : null;
            gradientMemoryD = single ? null : grad.data().asNioDouble();
        }
        if (single) {
            float[] g = gradientF;
            float[] active = activationsF;
            gradientMemoryF.get(0, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = active[i] > 0 ? g[i] : 0f;
            }
            gradientMemoryF.put(0, g);
        } else {
            double[] g = gradientD;
            double[] active = activationsD;
            gradientMemoryD.get(0, g);
            for (int i = 0; i < g.length; i++) {
                g[i] = active[i] > 0 ? g[i] : 0d;
            }
            gradientMemoryD.put(0, g);
        }
        return true;
    }

    private static boolean owned(INDArray array) {
        return !array.isView() && array.ordering() == 'c' && array.offset() == 0 && supports(array.dataType());
    }
}
