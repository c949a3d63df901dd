package dev.chainrule.nn.kernel.fast;

import java.util.concurrent.atomic.AtomicInteger;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;

import dev.chainrule.nn.kernel.KernelThreads;

/**
 * One product cut into blocks of output rows or columns, each a single-threaded BLAS call, spread
 * over the caller's {@link KernelThreads}.
 *
 * <p>Why: a multi-threaded BLAS splits a product by its thread count, and where it splits the inner
 * dimension, each element's sum is added up in another order on 1 thread than on 2. Here every block
 * holds whole sums, and the blocks depend on the shape alone: the same elements are summed in the
 * same order whichever thread computes them, so parameters are bit-identical for any thread count.
 *
 * <p>A plan is made once per product of a training layer (its offset pointers included) and reused
 * every batch: one caller at a time. Helpers that start late find no block left and return.
 */
final class BlockedGemm {

    /** A block below this many multiply-adds is not worth a call of its own (~15 µs). */
    private static final long BLOCK_WORK = 1L << 20;
    private static final int MAX_BLOCKS = 8;
    /** Narrower blocks repack the other operand too often; a multiple of the kernels' unroll. */
    private static final int MIN_WIDTH = 32;

    private final Pointer a;
    private final Pointer b;
    private final Pointer c;
    private final boolean single;
    private final int opA;
    private final int opB;
    private final int lda;
    private final int ldb;
    private final int ldc;
    private final boolean byRows;
    private final int m;
    private final int n;
    private final int k;
    private final int width;
    private final int count;
    private final Pointer[] blockA;
    private final Pointer[] blockB;
    private final Pointer[] blockC;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final Runnable helper = this::work;
    private double alpha;
    private double beta;

    BlockedGemm(Pointer a, Pointer b, Pointer c, boolean transA, boolean transB, int m, int n, int k, int lda,
            int ldb, int ldc) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.single = c instanceof FloatPointer;
        this.opA = transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        this.opB = transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans;
        this.m = m;
        this.n = n;
        this.k = k;
        this.lda = lda;
        this.ldb = ldb;
        this.ldc = ldc;
        this.byRows = m >= n;
        int blocks = blocks(m, n, k);
        int dimension = byRows ? m : n;
        this.width = roundUp((dimension + blocks - 1) / blocks, blocks == 1 ? 1 : MIN_WIDTH);
        this.count = (dimension + width - 1) / width;
        this.blockA = new Pointer[count];
        this.blockB = new Pointer[count];
        this.blockC = new Pointer[count];
        for (int i = 0; i < count; i++) {
            long start = (long) i * width;
            if (byRows) {
                blockA[i] = offset(a, transA ? start : start * lda);
                blockB[i] = b;
                blockC[i] = offset(c, start * ldc);
            } else {
                blockA[i] = a;
                blockB[i] = offset(b, transB ? start * ldb : start);
                blockC[i] = offset(c, start);
            }
        }
    }

    /** How many blocks a product of this shape is cut into: a function of the shape, nothing else. */
    static int blocks(int m, int n, int k) {
        long work = (long) m * n * k;
        int byWork = (int) Math.min(MAX_BLOCKS, work / BLOCK_WORK);
        int byWidth = Math.max(m, n) / MIN_WIDTH;
        return Math.max(1, Math.min(byWork, byWidth));
    }

    boolean sameOperands(Pointer a, Pointer b, boolean transA, boolean transB, int lda, int ldb) {
        return this.a == a && this.b == b && opA == (transA ? openblas_nolapack.CblasTrans
                : openblas_nolapack.CblasNoTrans)
                && opB == (transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans)
                && this.lda == lda && this.ldb == ldb;
    }

    int blockCount() {
        return count;
    }

    /** {@code c = alpha·op(a)·op(b) + beta·c}, block by block, on up to the caller's thread count. */
    void run(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
        done.set(0);
        next.set(0); // a volatile write after alpha and beta: whoever takes a block sees them
        int helpers = Math.min(KernelThreads.current(), count) - 1;
        for (int i = 0; i < helpers; i++) {
            KernelThreads.lend(helper);
        }
        work();
        int spins = 0;
        while (done.get() < count) {
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    private void work() {
        int block;
        while ((block = next.getAndIncrement()) < count) {
            compute(block);
            done.incrementAndGet();
        }
    }

    private void compute(int block) {
        int start = block * width;
        int rows = byRows ? Math.min(width, m - start) : m;
        int columns = byRows ? n : Math.min(width, n - start);
        int order = openblas_nolapack.CblasRowMajor;
        if (single) {
            openblas_nolapack.cblas_sgemm(order, opA, opB, rows, columns, k, (float) alpha,
                    (FloatPointer) blockA[block], lda, (FloatPointer) blockB[block], ldb, (float) beta,
                    (FloatPointer) blockC[block], ldc);
        } else {
            openblas_nolapack.cblas_dgemm(order, opA, opB, rows, columns, k, alpha, (DoublePointer) blockA[block],
                    lda, (DoublePointer) blockB[block], ldb, beta, (DoublePointer) blockC[block], ldc);
        }
    }

    private static Pointer offset(Pointer base, long elements) {
        if (elements == 0) {
            return base;
        }
        return base instanceof FloatPointer f ? f.getPointer(elements) : ((DoublePointer) base).getPointer(elements);
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
