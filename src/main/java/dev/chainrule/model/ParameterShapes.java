package dev.chainrule.model;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/**
 * Checks explicit initial parameters against the layers. The rule: one entry per layer with
 * parameters, in the order they run (a residual block's inner layers, then its projection). A dense
 * entry (or a projection's) has {@code weights} with one row per input of the layer (for the first
 * dense layer that is {@code inputs} when given, otherwise the row count fixes the input width) and
 * every row and the {@code bias} have one value per unit; a batch_norm entry has {@code gamma},
 * {@code beta}, {@code runningMean} and {@code runningVar} with one value per column, the variances
 * not negative. Every value is a finite number.
 */
final class ParameterShapes {

    /** One layer that takes an entry: where it is, what it is, and its widths (fanIn null while unknown). */
    private record Slot(String layer, boolean batchNorm, Integer fanIn, int units) {
    }

    private final List<Slot> slots = new ArrayList<>();
    private final Faults faults;

    ParameterShapes(List<LayerSpec> layers, Integer inputs, Faults faults) {
        collect(layers, "/layers", inputs);
        this.faults = faults;
    }

    private Integer collect(List<LayerSpec> layers, String at, Integer width) {
        Integer current = width;
        for (int i = 0; i < layers.size(); i++) {
            String pointer = at + "/" + i;
            LayerSpec layer = layers.get(i);
            if (layer instanceof LayerSpec.Dense dense) {
                slots.add(new Slot("dense layer " + pointer + " (" + dense.units() + " units)", false, current,
                        dense.units()));
                current = dense.units();
            } else if (layer instanceof LayerSpec.BatchNorm) {
                slots.add(new Slot("batch_norm layer " + pointer + " (" + current + " columns)", true, current,
                        current));
            } else if (layer instanceof LayerSpec.Residual residual) {
                Integer inner = collect(residual.layers(), pointer + "/layers", current);
                if (residual.projection()) {
                    slots.add(new Slot("the projection of residual block " + pointer + " (" + inner + " units)", false,
                            current, inner));
                }
                current = inner;
            }
        }
        return current;
    }

    /** The parameters as arrays, or null when any shape or value is at fault (then recorded). */
    List<LayerParameters> check(List<ModelRequest.Parameters> given) {
        if (given.size() != slots.size()) {
            faults.add("/parameters", "Expected " + slots.size() + " entries in 'parameters', one per layer with "
                    + "parameters (dense, batch_norm, residual projection), got " + given.size() + ".");
            return null;
        }
        List<LayerParameters> checked = new ArrayList<>();
        for (int k = 0; k < given.size(); k++) {
            Slot slot = slots.get(k);
            checked.add(slot.batchNorm() ? batchNorm(k, slot, given.get(k)) : dense(k, slot, given.get(k)));
        }
        return checked.contains(null) ? null : checked;
    }

    private LayerParameters dense(int k, Slot slot, ModelRequest.Parameters entry) {
        String at = "/parameters/" + k;
        if (entry == null || entry.weights() == null || entry.bias() == null) {
            faults.add(entry == null ? at : at + (entry.weights() == null ? "/weights" : "/bias"),
                    "The entry of " + slot.layer() + " needs 'weights' [inputs][units] and 'bias' [units].");
            return null;
        }
        int faultsBefore = faults.count();
        List<List<Double>> weights = entry.weights();
        if (slot.fanIn() != null && weights.size() != slot.fanIn()) {
            faults.add(at + "/weights", "'weights' has " + weights.size() + " rows, but " + slot.layer() + " takes "
                    + slot.fanIn() + " inputs" + (k == 0 ? " ('inputs')" : " (the width before it)") + ".");
        } else if (weights.isEmpty()) {
            faults.add(at + "/weights", "'weights' needs at least one row.");
        }
        double[][] matrix = new double[weights.size()][];
        for (int r = 0; r < weights.size(); r++) {
            matrix[r] = vector(weights.get(r), slot.units(), at + "/weights/" + r, "row of " + slot.layer(), false);
        }
        double[] bias = vector(entry.bias(), slot.units(), at + "/bias", "'bias' of " + slot.layer(), false);
        return faults.count() > faultsBefore ? null : new LayerParameters(matrix, bias);
    }

    private LayerParameters batchNorm(int k, Slot slot, ModelRequest.Parameters entry) {
        String at = "/parameters/" + k;
        if (entry == null || entry.weights() != null || entry.bias() != null) {
            faults.add(entry == null ? at : at + (entry.weights() != null ? "/weights" : "/bias"), "The entry of "
                    + slot.layer() + " holds 'gamma', 'beta', 'runningMean' and 'runningVar', not weights and bias.");
            return null;
        }
        int faultsBefore = faults.count();
        double[] gamma = vector(entry.gamma(), slot.units(), at + "/gamma", "'gamma' of " + slot.layer(), false);
        double[] beta = vector(entry.beta(), slot.units(), at + "/beta", "'beta' of " + slot.layer(), false);
        double[] mean = vector(entry.runningMean(), slot.units(), at + "/runningMean",
                "'runningMean' of " + slot.layer(), false);
        double[] variance = vector(entry.runningVar(), slot.units(), at + "/runningVar",
                "'runningVar' of " + slot.layer(), true);
        return faults.count() > faultsBefore ? null : LayerParameters.batchNorm(gamma, beta, mean, variance);
    }

    private double[] vector(List<Double> values, int units, String at, String what, boolean notNegative) {
        if (values == null || values.size() != units) {
            faults.add(at, "Each " + what + " must hold " + units + " values, got "
                    + (values == null ? "null" : values.size()) + ".");
            return null;
        }
        double[] vector = new double[units];
        for (int j = 0; j < units; j++) {
            Double value = values.get(j);
            if (value == null || !Double.isFinite(value)) {
                faults.add(at + "/" + j, "Parameters must be finite numbers, got " + value + ".");
            } else if (notNegative && value < 0) {
                faults.add(at + "/" + j, "A variance cannot be negative, got " + value + ".");
            } else {
                vector[j] = value;
            }
        }
        return vector;
    }
}
