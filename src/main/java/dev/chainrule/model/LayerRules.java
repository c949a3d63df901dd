package dev.chainrule.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;

/**
 * The rules for the {@code layers} list: known types, whole unit counts within the cap, a known
 * activation, a dropout rate in [0, 1), no field of the other layer type, and a dense last layer.
 */
final class LayerRules {

    private final ModelLimits limits;

    LayerRules(ModelLimits limits) {
        this.limits = limits;
    }

    /** The layers, or empty when any of them is at fault (every fault recorded). */
    Optional<List<LayerSpec>> check(List<ModelRequest.Layer> requested, Faults faults) {
        if (requested == null || requested.isEmpty()) {
            faults.add("/layers", "'layers' must hold at least one layer.");
            return Optional.empty();
        }
        if (requested.size() > limits.maxLayers()) {
            faults.add("/layers", "At most " + limits.maxLayers() + " layers are allowed, got " + requested.size() + ".");
            return Optional.empty();
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            LayerSpec layer = layer(requested.get(i), "/layers/" + i, faults);
            if (layer != null) {
                layers.add(layer);
            }
        }
        if (layers.size() < requested.size()) {
            return Optional.empty();
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Dense)) {
            faults.add("/layers/" + (layers.size() - 1), "The last layer must be dense: it produces the outputs.");
            return Optional.empty();
        }
        return Optional.of(layers);
    }

    private LayerSpec layer(ModelRequest.Layer layer, String at, Faults faults) {
        if (layer == null) {
            faults.add(at, "A layer must be an object with a 'type'.");
            return null;
        }
        if (layer.type() == null) {
            faults.add(at + "/type", "'type' is required: dense or dropout.");
            return null;
        }
        return switch (layer.type()) {
            case "dense" -> dense(layer, at, faults);
            case "dropout" -> dropout(layer, at, faults);
            default -> {
                faults.add(at + "/type", "Unknown layer type '" + layer.type() + "'; known: dense, dropout.");
                yield null;
            }
        };
    }

    private LayerSpec dense(ModelRequest.Layer layer, String at, Faults faults) {
        if (layer.rate() != null) {
            faults.add(at + "/rate", "'rate' belongs to dropout layers; a dense layer has none.");
        }
        Long units = null;
        if (layer.units() == null) {
            faults.add(at + "/units", "A dense layer needs 'units'.");
        } else {
            units = faults.wholeNumber(layer.units(), at + "/units", "'units'", 1, limits.maxUnits());
        }
        Activation activation = layer.activation() == null ? null
                : faults.named(layer.activation(), at + "/activation", "activation", Activation.class);
        if (layer.activation() == null) {
            faults.add(at + "/activation", "A dense layer needs an 'activation'.");
        }
        return units == null || activation == null || layer.rate() != null ? null
                : new LayerSpec.Dense(units.intValue(), activation);
    }

    private static LayerSpec dropout(ModelRequest.Layer layer, String at, Faults faults) {
        boolean valid = true;
        if (layer.units() != null || layer.activation() != null) {
            faults.add(at, "A dropout layer has only a 'rate' (no units, no activation).");
            valid = false;
        }
        if (layer.rate() == null) {
            faults.add(at + "/rate", "A dropout layer needs a 'rate' in [0, 1).");
            return null;
        }
        if (!(layer.rate() >= 0 && layer.rate() < 1)) {
            faults.add(at + "/rate", "'rate' must be in [0, 1), got " + layer.rate() + ".");
            return null;
        }
        return valid ? new LayerSpec.Dropout(layer.rate()) : null;
    }
}
