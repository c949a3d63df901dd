package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.kernel.Kernels;

/**
 * Builds the layers of a {@link NetworkSpec}, blocks included, declaring their parameters in the
 * order they run. Layers are named by their path: {@code layer 3} at the top, {@code layer 2.1} for
 * the first layer inside the block at position 2. Dropout layers inside blocks take seed indices after
 * the top-level positions, so every dropout layer of a network draws its own masks.
 */
final class LayerBuilder {

    private final ParameterBuffer buffer;
    private final Kernels kernels;
    private final DataType dataType;
    private int nextNestedIndex;

    LayerBuilder(ParameterBuffer buffer, Kernels kernels, DataType dataType, int topLevelCount) {
        this.buffer = buffer;
        this.kernels = kernels;
        this.dataType = dataType;
        this.nextNestedIndex = topLevelCount;
    }

    /** The top-level layers; the output layer (the last) is built with the identity. */
    List<Layer> build(NetworkSpec spec) {
        List<Layer> built = new ArrayList<>();
        int width = spec.inputs();
        int last = spec.layers().size() - 1;
        for (int i = 0; i <= last; i++) {
            Layer layer = layer(spec.layers().get(i), String.valueOf(i + 1), i, width, i == last);
            built.add(layer);
            width = layer.outputs();
        }
        return built;
    }

    private Layer layer(LayerSpec spec, String path, int seedIndex, int width, boolean output) {
        String name = "layer " + path;
        if (spec instanceof LayerSpec.Dense dense) {
            // the output activation belongs to the output loss
            Activation activation = output ? Activation.IDENTITY : dense.activation();
            return new DenseLayer(name + " (dense " + dense.units() + " " + dense.activation().jsonName() + ")", width,
                    dense.units(), activation, buffer, kernels, dataType);
        }
        if (spec instanceof LayerSpec.Dropout dropout) {
            return new DropoutLayer(name + " (dropout " + dropout.rate() + ")", seedIndex, width, dropout.rate(),
                    kernels, dataType);
        }
        if (spec instanceof LayerSpec.BatchNorm norm) {
            return new BatchNormLayer(name + " (batch_norm)", width, norm.momentum(), norm.epsilon(), buffer,
                    kernels, dataType);
        }
        LayerSpec.Residual residual = (LayerSpec.Residual) spec;
        List<Layer> inner = new ArrayList<>();
        int innerWidth = width;
        for (int j = 0; j < residual.layers().size(); j++) {
            Layer layer = layer(residual.layers().get(j), path + "." + (j + 1), nextNestedIndex++, innerWidth, false);
            inner.add(layer);
            innerWidth = layer.outputs();
        }
        String description = name + " (residual)";
        DenseLayer projection = null;
        if (residual.projection()) {
            projection = new DenseLayer(name + " (residual projection " + width + "→" + innerWidth + ")", width,
                    innerWidth, Activation.IDENTITY, buffer, kernels, dataType);
        } else if (innerWidth != width) {
            throw new IllegalArgumentException(description + " maps " + width + " columns to " + innerWidth
                    + " without a projection");
        }
        return new ResidualBlock(description, new LayerSequence(inner), projection, kernels, dataType);
    }
}
