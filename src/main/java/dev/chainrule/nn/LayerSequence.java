package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Layers applied one after the other: forward in order, backward in reverse, each layer's input
 * gradient becoming the output gradient of the one below. A network's body is one; a block that
 * wraps other layers (a residual block, say) holds one too.
 */
final class LayerSequence implements Layer {

    // an array, not a list: iterating a list allocates an iterator per pass until the JIT removes it
    private final Layer[] layers;

    LayerSequence(List<Layer> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a sequence needs at least one layer");
        }
        this.layers = layers.toArray(Layer[]::new);
    }

    Layer first() {
        return layers[0];
    }

    Layer last() {
        return layers[layers.length - 1];
    }

    @Override
    public INDArray forward(INDArray input, long batchSeed) {
        INDArray current = input;
        for (int i = 0; i < layers.length; i++) {
            current = layers[i].forward(current, batchSeed);
        }
        return current;
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean inputGradientNeeded) {
        INDArray gradient = outputGradient;
        for (int i = layers.length - 1; i >= 0; i--) {
            gradient = layers[i].backward(gradient, i > 0 || inputGradientNeeded);
        }
        return gradient;
    }

    /** Intermediate results are closed as soon as the next layer has used them. */
    @Override
    public INDArray infer(INDArray input) {
        INDArray current = input;
        for (Layer layer : layers) {
            INDArray next = layer.infer(current);
            if (current != input && current != next) {
                current.close();
            }
            current = next;
        }
        return current;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.parameters());
        }
        return all;
    }

    @Override
    public void forEachLayer(Consumer<Layer> visitor) {
        for (Layer layer : layers) {
            layer.forEachLayer(visitor);
        }
    }

    /** A sequence has no arrays of its own: its layers report theirs through {@link #forEachLayer}. */
    @Override
    public LayerPass lastPass() {
        throw new UnsupportedOperationException("a sequence reports through its layers");
    }

    @Override
    public int inputs() {
        return first().inputs();
    }

    @Override
    public int outputs() {
        return last().outputs();
    }

    @Override
    public String describe() {
        return first().describe() + " … " + last().describe();
    }
}
