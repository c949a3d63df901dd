package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's layers in the order they run, residual blocks opened: a block's inner layers, then its
 * projection. A layer's position in this list is its number in telemetry and in a glass-box step; for
 * a network without blocks it is its position in the spec. The order is the one in which layers
 * declare their parameters, so the layers with parameters appear here in the order of a model's
 * {@code parameters}.
 */
public final class FlatLayers {

    /**
     * One layer: {@code path} its position in the spec, counted from 0, a block's inner layers after a dot
     * ({@code 2.0} is the first layer inside the block at position 2, {@code 2.p} its projection);
     * {@code kind} {@code dense}, {@code dropout}, {@code batch_norm} or {@code projection}; the
     * activation for a dense layer, else null.
     */
    public record Layer(String path, String kind, Activation activation) {

        public boolean hasParameters() {
            return !kind.equals("dropout");
        }
    }

    private FlatLayers() {
    }

    public static List<Layer> of(List<LayerSpec> layers) {
        List<Layer> flat = new ArrayList<>();
        add(layers, "", flat);
        return flat;
    }

    private static void add(List<LayerSpec> layers, String prefix, List<Layer> flat) {
        for (int i = 0; i < layers.size(); i++) {
            String path = prefix + i;
            LayerSpec layer = layers.get(i);
            if (layer instanceof LayerSpec.Dense dense) {
                flat.add(new Layer(path, "dense", dense.activation()));
            } else if (layer instanceof LayerSpec.Dropout) {
                flat.add(new Layer(path, "dropout", null));
            } else if (layer instanceof LayerSpec.BatchNorm) {
                flat.add(new Layer(path, "batch_norm", null));
            } else if (layer instanceof LayerSpec.Residual residual) {
                add(residual.layers(), path + ".", flat);
                if (residual.projection()) {
                    flat.add(new Layer(path + ".p", "projection", null));
                }
            }
        }
    }
}
