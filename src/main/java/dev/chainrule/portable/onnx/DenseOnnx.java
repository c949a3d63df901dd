package dev.chainrule.portable.onnx;

import java.util.Iterator;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/** {@code z = a·W + b} as one Gemm with the weights [inputs, units] and bias as constants, then the activation. */
final class DenseOnnx implements OnnxLayer<LayerSpec.Dense> {

    @Override
    public Class<LayerSpec.Dense> kind() {
        return LayerSpec.Dense.class;
    }

    @Override
    public Value append(LayerSpec.Dense layer, Value input, Iterator<LayerParameters> parameters, OnnxGraph graph,
            ElementType type) {
        LayerParameters p = parameters.next();
        if (p.weights().length != input.width() || p.bias().length != layer.units()) {
            throw new IllegalArgumentException("dense layer of " + layer.units() + " units after width " + input.width()
                    + " got weights of " + p.weights().length + " rows and a bias of " + p.bias().length);
        }
        double[] weights = new double[input.width() * layer.units()];
        for (int i = 0; i < input.width(); i++) {
            System.arraycopy(p.weights()[i], 0, weights, i * layer.units(), layer.units());
        }
        String w = graph.reals("weights", type, new long[] {input.width(), layer.units()}, weights);
        String b = graph.reals("bias", type, new long[] {layer.units()}, p.bias());
        String z = graph.node("Gemm", List.of(input.name(), w, b));
        return new Value(OnnxActivations.append(layer.activation(), z, graph, type), layer.units());
    }
}
