package dev.chainrule.nn;

import java.util.List;

/**
 * Everything needed to build a network: the input width, the layers, the loss, how to draw the
 * initial weights (from {@code seed}) and the L2 weight-decay factor added to the loss
 * ({@code l2/2·Σw²} over weights, not biases; 0 disables it).
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Loss loss, WeightInit weightInit, long seed, double l2) {

    public NetworkSpec {
        layers = List.copyOf(layers);
    }
}
