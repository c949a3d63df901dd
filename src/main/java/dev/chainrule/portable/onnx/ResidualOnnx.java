package dev.chainrule.portable.onnx;

import java.util.Iterator;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/** The inner layers, then an Add of their output and the input (through a Gemm when the block projects). */
final class ResidualOnnx implements OnnxLayer<LayerSpec.Residual> {

    @Override
    public Class<LayerSpec.Residual> kind() {
        return LayerSpec.Residual.class;
    }

    @Override
    public Value append(LayerSpec.Residual layer, Value input, Iterator<LayerParameters> parameters, OnnxGraph graph,
            ElementType type) {
        Value inner = input;
        for (LayerSpec spec : layer.layers()) {
            inner = OnnxLayers.append(spec, inner, parameters, graph, type);
        }
        String skip = input.name();
        if (layer.projection()) {
            LayerParameters p = parameters.next();
            double[] weights = new double[input.width() * inner.width()];
            for (int i = 0; i < input.width(); i++) {
                System.arraycopy(p.weights()[i], 0, weights, i * inner.width(), inner.width());
            }
            String w = graph.reals("projection", type, new long[] {input.width(), inner.width()}, weights);
            String b = graph.reals("projection_bias", type, new long[] {inner.width()}, p.bias());
            skip = graph.node("Gemm", List.of(input.name(), w, b));
        }
        return new Value(graph.node("Add", List.of(inner.name(), skip)), inner.width());
    }
}
