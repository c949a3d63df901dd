package dev.chainrule.nn.kernel.fast;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * OpenBLAS called directly, with the native pointers of the arrays kept by identity.
 *
 * <p>{@code Nd4j.gemm} runs a custom op that computes and checks shapes and builds an op context on
 * every call: about 5 KB of garbage and tens of microseconds, which is more than the product itself
 * for small layers (a 32×64·64×10 product takes 2 µs in BLAS and ~60 µs through the op). The
 * training arrays are all row-major with unit column stride, so BLAS can take them as they are;
 * anything else goes through ND4J. Both use the same OpenBLAS, pinned to one thread; a product large
 * enough to share is cut into blocks of whole sums ({@link BlockedGemm}) that the caller's
 * {@link dev.chainrule.nn.kernel.KernelThreads} compute, so results do not depend on the thread count.
 *
 * <p>Asking ND4J for an array's address crosses JNI and allocates four objects, and a W1 batch makes
 * 27 such requests; the training arrays are the same every batch (weights, gradient views, the work
 * arrays of each batch size), so an instance asks once per array. The cache is bounded: the arrays
 * of an earlier run of the same layer drop out when it fills. One instance per user, one thread.
 */
final class Blas {

    private static final int CAPACITY = 32;

    private final Map<INDArray, Pointer> pointers = new IdentityHashMap<>();
    private final Map<INDArray, BlockedGemm> plans = new IdentityHashMap<>();

    /** {@code c = alpha·op(a)·op(b) + beta·c} for training arrays (pointers cached). */
    void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        gemm(a, b, c, transA, transB, alpha, beta, this);
    }

    /** The same for arrays used once (inference): nothing is cached, so any thread may call it. */
    static void gemmOnce(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha,
            double beta) {
        gemm(a, b, c, transA, transB, alpha, beta, null);
    }

    private static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha,
            double beta, Blas cache) {
        DataType type = c.dataType();
        boolean direct = blasType(type) && a.dataType() == type && b.dataType() == type
                && rowMajor(a) && rowMajor(b) && rowMajor(c);
        if (!direct) {
            Nd4j.gemm(a, b, c, transA, transB, alpha, beta);
            return;
        }
        int m = (int) c.rows();
        int n = (int) c.columns();
        int k = (int) (transA ? a.rows() : a.columns());
        if ((transA ? a.columns() : a.rows()) != m || (transB ? b.rows() : b.columns()) != n
                || (transB ? b.columns() : b.rows()) != k) {
            throw new IllegalArgumentException("gemm shapes do not fit: a " + shape(a) + (transA ? "ᵀ" : "")
                    + ", b " + shape(b) + (transB ? "ᵀ" : "") + ", c " + shape(c));
        }
        if (BlockedGemm.blocks(m, n, k) > 1) {
            Pointer pa = pointer(a, cache);
            Pointer pb = pointer(b, cache);
            BlockedGemm plan = cache == null ? null : cache.plans.get(c);
            if (plan == null || !plan.sameOperands(pa, pb, transA, transB, leading(a), leading(b))) {
                plan = new BlockedGemm(pa, pb, pointer(c, cache), transA, transB, m, n, k, leading(a), leading(b),
                        leading(c));
                if (cache != null) {
                    cache.keep(c, plan);
                }
            }
            plan.run(alpha, beta);
            return;
        }
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int order = openblas_nolapack.CblasRowMajor;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, opA, opB, m, n, k, (float) alpha,
                    (FloatPointer) pointer(a, cache), leading(a),
                    (FloatPointer) pointer(b, cache), leading(b), (float) beta,
                    (FloatPointer) pointer(c, cache), leading(c));
        } else {
            openblas_nolapack.cblas_dgemm(order, opA, opB, m, n, k, alpha,
                    (DoublePointer) pointer(a, cache), leading(a),
                    (DoublePointer) pointer(b, cache), leading(b), beta,
                    (DoublePointer) pointer(c, cache), leading(c));
        }
    }

    /**
     * {@code y += alpha·x} over two arrays of one type and length whose elements are contiguous;
     * false, with nothing done, for any other pair.
     */
    boolean axpy(double alpha, INDArray x, INDArray y) {
        if (!vectors(x, y)) {
            return false;
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy(n, (float) alpha, (FloatPointer) pointer(x, this), 1,
                    (FloatPointer) pointer(y, this), 1);
        } else {
            openblas_nolapack.cblas_daxpy(n, alpha, (DoublePointer) pointer(x, this), 1,
                    (DoublePointer) pointer(y, this), 1);
        }
        return true;
    }

    /** {@code x *= alpha}; false, with nothing done, unless {@code x} is contiguous. */
    boolean scal(double alpha, INDArray x) {
        if (!vectors(x, x)) {
            return false;
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sscal(n, (float) alpha, (FloatPointer) pointer(x, this), 1);
        } else {
            openblas_nolapack.cblas_dscal(n, alpha, (DoublePointer) pointer(x, this), 1);
        }
        return true;
    }

    /** {@code y = x}; false, with nothing done, unless both are contiguous. */
    boolean copy(INDArray x, INDArray y) {
        if (!vectors(x, y)) {
            return false;
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_scopy(n, (FloatPointer) pointer(x, this), 1, (FloatPointer) pointer(y, this), 1);
        } else {
            openblas_nolapack.cblas_dcopy(n, (DoublePointer) pointer(x, this), 1, (DoublePointer) pointer(y, this), 1);
        }
        return true;
    }

    /** {@code Σ x²} of an array BLAS can take as a vector (see {@link #isVector}). */
    double sumOfSquares(INDArray x) {
        if (!isVector(x)) {
            throw new IllegalArgumentException("not a contiguous float or double array: " + x.shapeInfoToString());
        }
        int n = (int) x.length();
        if (x.dataType() == DataType.FLOAT) {
            FloatPointer p = (FloatPointer) pointer(x, this);
            return openblas_nolapack.cblas_sdot(n, p, 1, p, 1);
        }
        DoublePointer p = (DoublePointer) pointer(x, this);
        return openblas_nolapack.cblas_ddot(n, p, 1, p, 1);
    }

    private static Pointer pointer(INDArray x, Blas cache) {
        return cache == null ? typed(x) : cache.cached(x);
    }

    private void keep(INDArray c, BlockedGemm plan) {
        if (plans.size() >= CAPACITY) {
            plans.clear();
        }
        plans.put(c, plan);
    }

    private Pointer cached(INDArray x) {
        Pointer pointer = pointers.get(x);
        if (pointer == null) {
            if (pointers.size() >= CAPACITY) {
                pointers.clear();
                plans.clear();
            }
            pointer = typed(x);
            pointers.put(x, pointer);
        }
        return pointer;
    }

    // data() of a view already starts at the view's offset
    private static Pointer typed(INDArray x) {
        return x.dataType() == DataType.FLOAT ? new FloatPointer(x.data().addressPointer())
                : new DoublePointer(x.data().addressPointer());
    }

    private static boolean blasType(DataType type) {
        return type == DataType.FLOAT || type == DataType.DOUBLE;
    }

    /** Float or double, with every element one after the other (a flat vector or a dense matrix). */
    static boolean isVector(INDArray x) {
        return blasType(x.dataType()) && x.length() > 0 && dense(x);
    }

    /** Two such arrays of one type and length. */
    private static boolean vectors(INDArray x, INDArray y) {
        return isVector(x) && isVector(y) && x.dataType() == y.dataType() && x.length() == y.length();
    }

    private static boolean dense(INDArray x) {
        if (x.rank() == 1) {
            return x.stride(0) == 1;
        }
        return x.rank() == 2 && x.ordering() == 'c' && (x.columns() == 1 || x.stride(1) == 1)
                && (x.rows() == 1 || x.stride(0) == x.columns());
    }

    /** A 2-d array whose rows are contiguous and evenly spaced, as row-major BLAS reads them. */
    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2 && x.length() > 0 && (x.columns() == 1 || x.stride(1) == 1)
                && (x.rows() == 1 || x.stride(0) >= x.columns());
    }

    /** The distance between rows; a single row has no stride to speak of, BLAS wants its width. */
    private static int leading(INDArray x) {
        return (int) (x.rows() == 1 ? x.columns() : x.stride(0));
    }

    private static String shape(INDArray x) {
        return Arrays.toString(x.shape());
    }
}
