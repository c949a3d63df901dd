package dev.chainrule.nn;

import java.util.List;

/**
 * Rejects a spec the engine cannot build, naming the layer at fault. The model service validates
 * definitions for users first; this guards the engine's own invariants (a dense output layer whose
 * activation fits the loss, positive widths, a dropout rate in [0, 1)).
 */
final class NetworkSpecValidator {

    private NetworkSpecValidator() {
    }

    static void validate(NetworkSpec spec) {
        if (spec.inputs() < 1) {
            throw new IllegalArgumentException("inputs must be at least 1, was " + spec.inputs());
        }
        if (spec.layers().isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (spec.loss() == null || spec.weightInit() == null) {
            throw new IllegalArgumentException("loss and weight init are required");
        }
        if (!(spec.l2() >= 0) || Double.isInfinite(spec.l2())) {
            throw new IllegalArgumentException("l2 must be a finite number >= 0, was " + spec.l2());
        }
        checkLayers(spec.layers(), "");
        LayerSpec last = spec.layers().get(spec.layers().size() - 1);
        if (!(last instanceof LayerSpec.Dense output)) {
            throw new IllegalArgumentException("the last layer must be dense, was " + last);
        }
        if (!spec.loss().fitsOutput(output.activation())) {
            throw new IllegalArgumentException("loss " + spec.loss().jsonName() + " does not fit output activation "
                    + output.activation().jsonName());
        }
    }

    private static void checkLayers(List<LayerSpec> layers, String prefix) {
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String name = "layer " + prefix + (i + 1);
            if (layer instanceof LayerSpec.Dense dense) {
                if (dense.units() < 1 || dense.activation() == null) {
                    throw new IllegalArgumentException(name + " (dense) needs units >= 1 and an activation");
                }
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                if (!(dropout.rate() >= 0 && dropout.rate() < 1)) {
                    throw new IllegalArgumentException(name + " (dropout) rate must be in [0, 1), was "
                            + dropout.rate());
                }
            } else if (layer instanceof LayerSpec.BatchNorm norm) {
                if (!(norm.momentum() >= 0 && norm.momentum() <= 1)) {
                    throw new IllegalArgumentException(name + " (batch_norm) momentum must be in [0, 1], was "
                            + norm.momentum());
                }
                if (!(norm.epsilon() > 0) || Double.isInfinite(norm.epsilon())) {
                    throw new IllegalArgumentException(name + " (batch_norm) epsilon must be a finite number > 0, was "
                            + norm.epsilon());
                }
            } else if (layer instanceof LayerSpec.Residual residual) {
                if (residual.layers().isEmpty()) {
                    throw new IllegalArgumentException(name + " (residual) needs at least one layer");
                }
                checkLayers(residual.layers(), prefix + (i + 1) + ".");
            }
        }
    }
}
