package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Between the dense layers' views and the plain {@code [{weights, bias}]} form used by model
 * definitions, storage and the API; an entry of the wrong shape is rejected naming the layer and
 * both shapes.
 */
final class LayerParameterMapping {

    private LayerParameterMapping() {
    }

    static List<LayerParameters> export(List<DenseLayer> layers) {
        List<LayerParameters> exported = new ArrayList<>();
        for (DenseLayer layer : layers) {
            exported.add(new LayerParameters(layer.weights().toDoubleMatrix(), layer.bias().toDoubleVector()));
        }
        return exported;
    }

    static void importInto(List<DenseLayer> layers, List<LayerParameters> parameters) {
        if (parameters.size() != layers.size()) {
            throw new IllegalArgumentException("expected parameters for " + layers.size() + " dense layers but got "
                    + parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            DenseLayer layer = layers.get(i);
            double[][] w = parameters.get(i).weights();
            double[] b = parameters.get(i).bias();
            boolean rectangular = w != null && Arrays.stream(w).allMatch(row -> row != null && row.length == layer.outputs());
            if (!rectangular || w.length != layer.inputs()) {
                throw new IllegalArgumentException(layer.describe() + " expects weights of shape [" + layer.inputs()
                        + ", " + layer.outputs() + "] but got " + describeShape(w));
            }
            if (b == null || b.length != layer.outputs()) {
                throw new IllegalArgumentException(layer.describe() + " expects bias of shape [" + layer.outputs()
                        + "] but got [" + (b == null ? "null" : b.length) + "]");
            }
            try (INDArray weights = Nd4j.createFromArray(w); INDArray bias = Nd4j.createFromArray(b)) {
                layer.weights().assign(weights);
                layer.bias().assign(bias.reshape(1, b.length));
            }
        }
    }

    private static String describeShape(double[][] w) {
        if (w == null) {
            return "null";
        }
        String widths = Arrays.stream(w).mapToInt(row -> row == null ? 0 : row.length).distinct()
                .mapToObj(Integer::toString).reduce((l, r) -> l + "|" + r).orElse("0");
        return "[" + w.length + ", " + widths + "]";
    }
}
