package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.HeapViews;

/**
 * ReLU of one layer's training pass as Java loops over bulk copies of the arrays' memory. Through
 * ND4J each element-wise op builds an op object and a context and crosses JNI (tens of microseconds
 * and a few kilobytes of garbage per op, and backward needed two); here each direction is one bulk
 * read or two, one loop and one bulk write, through memory views kept per array, so a batch
 * allocates nothing.
 *
 * <p>Backward works on the bit patterns: an activation is {@code max(z, 0)}, never negative, so it
 * is positive exactly when its bits are a non-zero (positive) integer, and {@code (−bits) >> 31} is
 * then all ones, else zero. Masking the gradient's bits with it is {@code da·[a > 0]} without a
 * branch: the JIT vectorises it, where the comparison compiled to a mispredicted jump per element.
 *
 * <p>Arrays that do not own their memory go to {@code fallback} (ND4J's ops), as does inference.
 */
final class HeapRelu implements ActivationKernel {

    private final ActivationKernel fallback;
    private final HeapViews views = new HeapViews();
    private float[] valuesF = new float[0];
    private int[] activeBits = new int[0];
    private int[] gradientBits = new int[0];
    private double[] valuesD = new double[0];
    private long[] activeBitsD = new long[0];
    private long[] gradientBitsD = new long[0];

    HeapRelu(ActivationKernel fallback) {
        this.fallback = fallback;
    }

    /** {@code a = max(z, 0)}; NaN stays NaN, so a diverging run still shows in its loss. */
    @Override
    public void forward(INDArray z, INDArray a) {
        if (!fits(z, a, a)) {
            fallback.forward(z, a);
            return;
        }
        int length = (int) z.length();
        if (z.dataType() == DataType.FLOAT) {
            float[] values = floats(length);
            views.read(z, values, length);
            for (int i = 0; i < length; i++) {
                values[i] = Math.max(values[i], 0f);
            }
            views.write(values, length, a);
        } else {
            double[] values = doubles(length);
            views.read(z, values, length);
            for (int i = 0; i < length; i++) {
                values[i] = Math.max(values[i], 0d);
            }
            views.write(values, length, a);
        }
    }

    /** {@code dz = da ⊙ [a > 0]} (the derivative is 0 at 0, as in PyTorch). */
    @Override
    public void backward(INDArray z, INDArray a, INDArray da, INDArray dz) {
        if (!fits(a, da, dz)) {
            fallback.backward(z, a, da, dz);
            return;
        }
        int length = (int) a.length();
        if (a.dataType() == DataType.FLOAT) {
            int[] g = gradientBits(length);
            int[] active = activeBits;
            views.read(a, active, length);
            views.read(da, g, length);
            for (int i = 0; i < length; i++) {
                g[i] &= (-active[i]) >> 31;
            }
            views.write(g, length, dz);
        } else {
            long[] g = gradientBitsD(length);
            long[] active = activeBitsD;
            views.read(a, active, length);
            views.read(da, g, length);
            for (int i = 0; i < length; i++) {
                g[i] &= (-active[i]) >> 63;
            }
            views.write(g, length, dz);
        }
    }

    @Override
    public INDArray apply(INDArray z) {
        return fallback.apply(z);
    }

    private static boolean fits(INDArray x, INDArray y, INDArray out) {
        return HeapViews.owns(x) && HeapViews.owns(y) && HeapViews.owns(out) && x.dataType() == out.dataType()
                && y.dataType() == out.dataType() && x.length() == out.length() && y.length() == out.length();
    }

    private float[] floats(int length) {
        if (valuesF.length < length) {
            valuesF = new float[length];
        }
        return valuesF;
    }

    private double[] doubles(int length) {
        if (valuesD.length < length) {
            valuesD = new double[length];
        }
        return valuesD;
    }

    private int[] gradientBits(int length) {
        if (gradientBits.length < length) {
            gradientBits = new int[length];
            activeBits = new int[length];
        }
        return gradientBits;
    }

    private long[] gradientBitsD(int length) {
        if (gradientBitsD.length < length) {
            gradientBitsD = new long[length];
            activeBitsD = new long[length];
        }
        return gradientBitsD;
    }
}
