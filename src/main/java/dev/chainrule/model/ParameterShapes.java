package dev.chainrule.model;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/**
 * Checks explicit initial parameters against the layers. The rule: one entry per dense layer, in order;
 * entry k's {@code weights} has one row per input of dense layer k (for the first dense layer that is
 * {@code inputs} when given, otherwise the row count fixes the input width; for later layers it is the
 * previous dense layer's units), every row and the {@code bias} have one value per unit, and every value
 * is a finite number.
 */
final class ParameterShapes {

    private final List<LayerSpec.Dense> dense;
    private final List<Integer> denseIndex = new ArrayList<>();
    private final Integer inputs;
    private final Faults faults;

    ParameterShapes(List<LayerSpec> layers, Integer inputs, Faults faults) {
        this.dense = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof LayerSpec.Dense d) {
                dense.add(d);
                denseIndex.add(i);
            }
        }
        this.inputs = inputs;
        this.faults = faults;
    }

    /** The parameters as arrays, or null when any shape or value is at fault (then recorded). */
    List<LayerParameters> check(List<ModelRequest.Parameters> given) {
        if (given.size() != dense.size()) {
            faults.add("/parameters", "Expected " + dense.size() + " entries in 'parameters', one per dense layer, got "
                    + given.size() + ".");
            return null;
        }
        List<LayerParameters> checked = new ArrayList<>();
        Integer fanIn = inputs;
        for (int k = 0; k < given.size(); k++) {
            LayerParameters layer = layer(k, given.get(k), fanIn);
            checked.add(layer);
            fanIn = dense.get(k).units();
        }
        return checked.contains(null) ? null : checked;
    }

    private LayerParameters layer(int k, ModelRequest.Parameters entry, Integer fanIn) {
        String at = "/parameters/" + k;
        int units = dense.get(k).units();
        String layerName = "dense layer /layers/" + denseIndex.get(k) + " (" + units + " units)";
        if (entry == null || entry.weights() == null || entry.bias() == null) {
            faults.add(entry == null ? at : at + (entry.weights() == null ? "/weights" : "/bias"),
                    "Each entry of 'parameters' needs 'weights' [inputs][units] and 'bias' [units].");
            return null;
        }
        int faultsBefore = count();
        List<List<Double>> weights = entry.weights();
        if (fanIn != null && weights.size() != fanIn) {
            faults.add(at + "/weights", "'weights' has " + weights.size() + " rows, but " + layerName + " takes "
                    + fanIn + " inputs" + (k == 0 ? " ('inputs')" : " (the previous dense layer's units)") + ".");
        } else if (weights.isEmpty()) {
            faults.add(at + "/weights", "'weights' needs at least one row.");
        }
        double[][] matrix = new double[weights.size()][];
        for (int r = 0; r < weights.size(); r++) {
            matrix[r] = vector(weights.get(r), units, at + "/weights/" + r, "row of " + layerName);
        }
        double[] bias = vector(entry.bias(), units, at + "/bias", "'bias' of " + layerName);
        return count() > faultsBefore ? null : new LayerParameters(matrix, bias);
    }

    private double[] vector(List<Double> values, int units, String at, String what) {
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
            } else {
                vector[j] = value;
            }
        }
        return vector;
    }

    private int count() {
        return faults.count();
    }
}
