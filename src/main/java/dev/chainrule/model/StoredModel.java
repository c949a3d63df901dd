package dev.chainrule.model;

import java.util.List;
import java.util.UUID;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.WeightInit;

/**
 * A validated, stored model definition as the engine needs it. {@code inputs} is null when the input
 * width is left to the dataset; {@code parameters} is null unless explicit initial parameters were given.
 */
public record StoredModel(UUID id, String name, Integer inputs, List<LayerSpec> layers, Loss loss,
        WeightInit weightInit, long seed, double l2, List<LayerParameters> parameters) {

    public StoredModel {
        layers = List.copyOf(layers);
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    /** The same definition under another id (a validated definition gets its id when stored). */
    public StoredModel withId(UUID newId) {
        return new StoredModel(newId, name, inputs, layers, loss, weightInit, seed, l2, parameters);
    }

    public NetworkSpec toNetworkSpec(int inputWidth) {
        return new NetworkSpec(inputWidth, layers, loss, weightInit, seed, l2);
    }

    /** Whether a batch_norm layer is among the layers, inside residual blocks too. */
    public boolean hasBatchNorm() {
        return hasBatchNorm(layers);
    }

    private static boolean hasBatchNorm(List<LayerSpec> layers) {
        return layers.stream().anyMatch(l -> l instanceof LayerSpec.BatchNorm
                || l instanceof LayerSpec.Residual r && hasBatchNorm(r.layers()));
    }

    /** Units of the last dense layer: the width the dataset's encoded target must have. */
    public int outputs() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i) instanceof LayerSpec.Dense dense) {
                return dense.units();
            }
        }
        throw new IllegalStateException("model " + id + " has no dense layer");
    }
}
