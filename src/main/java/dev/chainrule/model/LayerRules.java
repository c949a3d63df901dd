package dev.chainrule.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;

/**
 * The rules for the {@code layers} list: known types, whole unit counts within the cap, a known
 * activation, a dropout rate in [0, 1), a batch_norm momentum in [0, 1] and epsilon above 0, residual
 * blocks that hold layers, keep their width (or project) and nest no deeper than the cap, no field of
 * another layer type, and a dense last layer. A batch_norm or residual layer needs a known width: a
 * dense layer before it, or the model's {@code inputs}.
 */
final class LayerRules {

    private static final String KNOWN = "dense, dropout, batch_norm, residual";

    private final ModelLimits limits;

    LayerRules(ModelLimits limits) {
        this.limits = limits;
    }

    /** The layers, or empty when any of them is at fault (every fault recorded). */
    Optional<List<LayerSpec>> check(List<ModelRequest.Layer> requested, Integer inputs, Faults faults) {
        if (requested == null || requested.isEmpty()) {
            faults.add("/layers", "'layers' must hold at least one layer.");
            return Optional.empty();
        }
        int count = count(requested);
        if (count > limits.maxLayers()) {
            faults.add("/layers", "At most " + limits.maxLayers() + " layers are allowed (layers inside residual "
                    + "blocks included), got " + count + ".");
            return Optional.empty();
        }
        int before = faults.count();
        List<LayerSpec> layers = sequence(requested, "/layers", inputs, 1, faults).layers();
        if (faults.count() > before) {
            return Optional.empty();
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Dense)) {
            faults.add("/layers/" + (layers.size() - 1), "The last layer must be dense: it produces the outputs.");
            return Optional.empty();
        }
        return Optional.of(layers);
    }

    private static int count(List<ModelRequest.Layer> layers) {
        int count = 0;
        for (ModelRequest.Layer layer : layers) {
            count += 1 + (layer != null && layer.layers() != null ? count(layer.layers()) : 0);
        }
        return count;
    }

    /** Layers in order with the width after them (null while unknown). */
    private record Checked(List<LayerSpec> layers, Integer width) {
    }

    private Checked sequence(List<ModelRequest.Layer> requested, String at, Integer width, int depth, Faults faults) {
        List<LayerSpec> layers = new ArrayList<>();
        Integer current = width;
        for (int i = 0; i < requested.size(); i++) {
            String pointer = at + "/" + i;
            ModelRequest.Layer layer = requested.get(i);
            LayerSpec spec = layer(layer, pointer, current, depth, faults);
            if (spec == null) {
                current = widthAfterFault(layer, current);
                continue;
            }
            layers.add(spec);
            current = widthAfter(spec, current);
        }
        return new Checked(layers, current);
    }

    /**
     * The width after a faulty layer, as far as it is known: dropout and batch_norm keep it, a dense
     * layer sets its units; otherwise it is unknown, and later layers are checked without their widths.
     */
    private static Integer widthAfterFault(ModelRequest.Layer layer, Integer width) {
        if (layer == null || layer.type() == null) {
            return null;
        }
        return switch (layer.type()) {
            case "dropout", "batch_norm" -> width;
            case "dense" -> layer.units() instanceof Integer units ? units : null;
            default -> null;
        };
    }

    private static Integer widthAfter(LayerSpec spec, Integer width) {
        if (spec instanceof LayerSpec.Dense dense) {
            return dense.units();
        }
        if (spec instanceof LayerSpec.Residual residual) {
            Integer inner = width;
            for (LayerSpec layer : residual.layers()) {
                inner = widthAfter(layer, inner);
            }
            return inner;
        }
        return width;
    }

    private LayerSpec layer(ModelRequest.Layer layer, String at, Integer width, int depth, Faults faults) {
        if (layer == null) {
            faults.add(at, "A layer must be an object with a 'type'.");
            return null;
        }
        if (layer.type() == null) {
            faults.add(at + "/type", "'type' is required: " + KNOWN + ".");
            return null;
        }
        return switch (layer.type()) {
            case "dense" -> dense(layer, at, faults);
            case "dropout" -> dropout(layer, at, faults);
            case "batch_norm" -> batchNorm(layer, at, width, faults);
            case "residual" -> residual(layer, at, width, depth, faults);
            default -> {
                faults.add(at + "/type", "Unknown layer type '" + layer.type() + "'; known: " + KNOWN + ".");
                yield null;
            }
        };
    }

    /** Records a fault for every field that belongs to another layer type; true when there was none. */
    private static boolean onlyOwnFields(ModelRequest.Layer layer, String at, Faults faults, String... own) {
        List<String> allowed = List.of(own);
        boolean clean = true;
        String[] names = {"units", "activation", "rate", "momentum", "epsilon", "layers", "projection"};
        Object[] values = {layer.units(), layer.activation(), layer.rate(), layer.momentum(), layer.epsilon(),
            layer.layers(), layer.projection()};
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null && !allowed.contains(names[i])) {
                faults.add(at + "/" + names[i], "'" + names[i] + "' does not belong to a " + layer.type()
                        + " layer; it has " + (own.length == 0 ? "no other fields" : String.join(", ", own)) + ".");
                clean = false;
            }
        }
        return clean;
    }

    private LayerSpec dense(ModelRequest.Layer layer, String at, Faults faults) {
        boolean clean = onlyOwnFields(layer, at, faults, "units", "activation");
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
        return units == null || activation == null || !clean ? null
                : new LayerSpec.Dense(units.intValue(), activation);
    }

    private static LayerSpec dropout(ModelRequest.Layer layer, String at, Faults faults) {
        boolean clean = onlyOwnFields(layer, at, faults, "rate");
        if (layer.rate() == null) {
            faults.add(at + "/rate", "A dropout layer needs a 'rate' in [0, 1).");
            return null;
        }
        if (!(layer.rate() >= 0 && layer.rate() < 1)) {
            faults.add(at + "/rate", "'rate' must be in [0, 1), got " + layer.rate() + ".");
            return null;
        }
        return clean ? new LayerSpec.Dropout(layer.rate()) : null;
    }

    private static LayerSpec batchNorm(ModelRequest.Layer layer, String at, Integer width, Faults faults) {
        boolean clean = onlyOwnFields(layer, at, faults, "momentum", "epsilon");
        double momentum = layer.momentum() == null ? LayerSpec.BatchNorm.DEFAULT_MOMENTUM : layer.momentum();
        double epsilon = layer.epsilon() == null ? LayerSpec.BatchNorm.DEFAULT_EPSILON : layer.epsilon();
        if (!(momentum >= 0 && momentum <= 1)) {
            faults.add(at + "/momentum", "'momentum' must be in [0, 1], got " + momentum + ".");
            clean = false;
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            faults.add(at + "/epsilon", "'epsilon' must be a finite number above 0, got " + epsilon + ".");
            clean = false;
        }
        if (width == null) {
            faults.add(at, "A batch_norm layer needs to know its width: give the model 'inputs', or put a dense "
                    + "layer before it.");
            clean = false;
        }
        return clean ? new LayerSpec.BatchNorm(momentum, epsilon) : null;
    }

    private LayerSpec residual(ModelRequest.Layer layer, String at, Integer width, int depth, Faults faults) {
        boolean clean = onlyOwnFields(layer, at, faults, "layers", "projection");
        if (depth > limits.maxDepth()) {
            faults.add(at, "Residual blocks nest at most " + limits.maxDepth() + " deep; this one is at depth " + depth
                    + ".");
            return null;
        }
        if (layer.layers() == null || layer.layers().isEmpty()) {
            faults.add(at + "/layers", "A residual block needs at least one layer in 'layers'.");
            return null;
        }
        boolean projection = Boolean.TRUE.equals(layer.projection());
        if (width == null) {
            faults.add(at, "A residual block needs to know its input width: give the model 'inputs', or put a dense "
                    + "layer before it.");
            clean = false;
        }
        int before = faults.count();
        Checked inner = sequence(layer.layers(), at + "/layers", width, depth + 1, faults);
        if (faults.count() > before || !clean) {
            return null;
        }
        if (!projection && !width.equals(inner.width())) {
            faults.add(at + "/layers", "The block's layers turn its " + width + " input columns into "
                    + inner.width() + "; a residual block adds its input to their output, so the widths must match. "
                    + "Set \"projection\": true to learn a projection of the input instead.");
            return null;
        }
        return new LayerSpec.Residual(inner.layers(), projection);
    }
}
