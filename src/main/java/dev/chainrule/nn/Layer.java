package dev.chainrule.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of the network. The training path ({@link #forward}, {@link #backward}) works in arrays
 * the layer owns per batch size and keeps what backward needs; {@link #infer} allocates its result
 * and touches no shared state, so a trained network can serve several threads at once.
 */
interface Layer {

    int inputs();

    int outputs();

    /** For messages: position and kind, e.g. {@code layer 2 (dense 64 relu)}. */
    String describe();

    INDArray forward(INDArray input, boolean training, long dropoutSeed);

    /**
     * Takes dL/d(output), which it may overwrite, and writes this layer's parameter gradients into the
     * gradient views; returns dL/d(input), or null when {@code inputGradientNeeded} is false.
     */
    INDArray backward(INDArray outputGradient, boolean inputGradientNeeded);

    INDArray infer(INDArray input);
}
