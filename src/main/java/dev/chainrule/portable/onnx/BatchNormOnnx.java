package dev.chainrule.portable.onnx;

import java.util.Iterator;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/**
 * Batch normalization at inference, with the running statistics folded into one scale and one shift
 * per column: {@code y = x·s + t}, {@code s = γ/√(running var + ε)}, {@code t = β − running mean·s}
 * (a Mul and an Add, broadcast over the rows).
 */
final class BatchNormOnnx implements OnnxLayer<LayerSpec.BatchNorm> {

    @Override
    public Class<LayerSpec.BatchNorm> kind() {
        return LayerSpec.BatchNorm.class;
    }

    @Override
    public Value append(LayerSpec.BatchNorm layer, Value input, Iterator<LayerParameters> parameters,
            OnnxGraph graph, ElementType type) {
        LayerParameters p = parameters.next();
        int width = input.width();
        if (!p.ofBatchNorm() || p.gamma().length != width) {
            throw new IllegalArgumentException("batch_norm layer after width " + width + " got other parameters");
        }
        double[] scale = new double[width];
        double[] shift = new double[width];
        for (int j = 0; j < width; j++) {
            scale[j] = p.gamma()[j] / Math.sqrt(p.runningVar()[j] + layer.epsilon());
            shift[j] = p.beta()[j] - p.runningMean()[j] * scale[j];
        }
        String s = graph.reals("scale", type, new long[] {width}, scale);
        String t = graph.reals("shift", type, new long[] {width}, shift);
        String scaled = graph.node("Mul", List.of(input.name(), s));
        return new Value(graph.node("Add", List.of(scaled, t)), width);
    }
}
