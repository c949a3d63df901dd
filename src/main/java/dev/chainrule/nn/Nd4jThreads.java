package dev.chainrule.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixes how many threads ND4J uses for its own ops and for BLAS. A fixed count is what makes GEMM
 * reductions, and so training, bit-identical from run to run; one thread per training job also
 * avoids two OpenMP pools spinning against each other on a small machine.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    public static void pin(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
