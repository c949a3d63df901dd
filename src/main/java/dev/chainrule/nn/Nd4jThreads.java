package dev.chainrule.nn;

/** Fixes ND4J's thread counts; the engine fills in the calls. */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    public static void pin(int threads) {
        throw new IllegalStateException("thread pinning arrives with the engine");
    }
}
