package dev.chainrule.nn;

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
 * {@code c = alpha·op(a)·op(b) + beta·c}, straight into OpenBLAS when the arrays allow it.
 *
 * <p>{@code Nd4j.gemm} runs a custom op that computes and checks shapes and builds an op context
 * on every call: about 5 KB of garbage and tens of microseconds, which is more than the product
 * itself for the small layers (a 32×64·64×10 product takes 2 µs in BLAS and ~60 µs through the op).
 * The training hot loop's arrays are all row-major with unit column stride, so BLAS can take them
 * as they are; anything else goes through {@code Nd4j.gemm}. Both use the same OpenBLAS with the
 * same thread count ({@link Nd4jThreads}), so results agree.
 */
final class Gemm {

    private Gemm() {
    }

    static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta) {
        gemm(a, b, c, transA, transB, alpha, beta, null);
    }

    /** The same, taking the arrays' native addresses from {@code addresses} (null: looked up afresh). */
    static void gemm(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB, double alpha, double beta,
            Addresses addresses) {
        DataType type = c.dataType();
        boolean direct = (type == DataType.FLOAT || type == DataType.DOUBLE)
                && a.dataType() == type && b.dataType() == type
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
        int opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        int order = openblas_nolapack.CblasRowMajor;
        if (type == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(order, opA, opB, m, n, k, (float) alpha,
                    (FloatPointer) pointer(a, addresses), leading(a),
                    (FloatPointer) pointer(b, addresses), leading(b), (float) beta,
                    (FloatPointer) pointer(c, addresses), leading(c));
        } else {
            openblas_nolapack.cblas_dgemm(order, opA, opB, m, n, k, alpha,
                    (DoublePointer) pointer(a, addresses), leading(a),
                    (DoublePointer) pointer(b, addresses), leading(b), beta,
                    (DoublePointer) pointer(c, addresses), leading(c));
        }
    }

    private static Pointer pointer(INDArray x, Addresses addresses) {
        return addresses == null ? Addresses.typed(x) : addresses.of(x);
    }

    /**
     * Typed native pointers of the arrays one layer's training pass multiplies, kept by identity.
     * Asking ND4J for an array's address crosses JNI and allocates four objects, and a W1 batch
     * makes 27 such requests; the training arrays are the same every batch (weights, gradient views,
     * the work arrays of each batch size), so each is asked once. Bounded: the batch arrays of an
     * earlier training run of the same network drop out when it fills.
     */
    static final class Addresses {

        private static final int CAPACITY = 32;

        private final Map<INDArray, Pointer> pointers = new IdentityHashMap<>();

        Pointer of(INDArray x) {
            Pointer pointer = pointers.get(x);
            if (pointer == null) {
                if (pointers.size() >= CAPACITY) {
                    pointers.clear();
                }
                pointer = typed(x);
                pointers.put(x, pointer);
            }
            return pointer;
        }

        // data() of a view already starts at the view's offset
        static Pointer typed(INDArray x) {
            return x.dataType() == DataType.FLOAT ? new FloatPointer(x.data().addressPointer())
                    : new DoublePointer(x.data().addressPointer());
        }
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
        return java.util.Arrays.toString(x.shape());
    }
}
