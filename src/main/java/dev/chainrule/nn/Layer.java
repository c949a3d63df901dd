package dev.chainrule.nn;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of the network, with its forward and backward pass side by side.
 *
 * <p>The training pass ({@link #forward}, {@link #backward}) works in arrays the layer owns, one set
 * per batch size, and keeps what backward needs. A layer writes only its own arrays: it reads the
 * input and the gradient it is given and never writes into them, so after a pass every layer's
 * arrays still hold what was computed ({@link #lastPass}). {@link #infer} is the inference pass: it
 * allocates its result and touches no shared state, so a trained network can serve several threads.
 */
interface Layer {

    int inputs();

    int outputs();

    /** For messages: position and kind, e.g. {@code layer 2 (dense 64 relu)}. */
    String describe();

    /**
     * The training forward pass; {@code batchSeed} seeds anything random (dropout masks). Returns an
     * array valid until the next pass: the layer's own, or {@code input} itself for a layer that lets
     * it through unchanged.
     */
    INDArray forward(INDArray input, long batchSeed);

    /**
     * From dL/d(output) (read only), sets this layer's parameter gradients (overwriting them) and
     * returns dL/d(input), or null when {@code inputGradientNeeded} is false.
     */
    INDArray backward(INDArray outputGradient, boolean inputGradientNeeded);

    INDArray infer(INDArray input);

    /** This layer's parameters in the order of the flat vectors; empty when it has none. */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Draws initial values for the parameters from the network's generator. */
    default void initialize(WeightInit scheme, SplittableRandom random) {
    }

    /** This layer's entry in a model's {@code parameters}; null for a layer without parameters. */
    default LayerParameters exportParameters() {
        return null;
    }

    /** Sets the parameters from this layer's entry, rejecting a wrong shape with a message naming the layer. */
    default void importParameters(LayerParameters entry) {
        throw new IllegalStateException(describe() + " has no parameters");
    }

    /** What the last training pass saw and computed. */
    LayerPass lastPass();

    /**
     * dL/dz of the last training pass, or null for a layer without a {@code z}: the same live array
     * as {@link #lastPass()}'s {@code dLdz}, read without building a record (per-batch telemetry).
     */
    default INDArray lastErrorSignal() {
        return null;
    }

    /** Calls {@code visitor} with this layer; a block calls it with each of its inner layers, in order. */
    default void forEachLayer(Consumer<Layer> visitor) {
        visitor.accept(this);
    }
}
