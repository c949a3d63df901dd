package dev.chainrule.nn;

import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.KernelThreads;

/**
 * Fixes how many threads the calling thread's training and inference use.
 *
 * <p>ND4J's own ops and OpenBLAS are pinned to one thread for the whole process: both split their
 * work by thread count (a GEMM's inner dimension, a reduction's partial sums), which changes the
 * order of additions and so the last bits of the result. The threads asked for here are the
 * caller's own: the fast kernels cut large products into blocks fixed by the shape
 * ({@link KernelThreads}), so the same seed and data give bit-identical parameters on any thread
 * count, and a job may resume on an instance with another count.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    public static void pin(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        KernelThreads.set(threads);
    }
}
