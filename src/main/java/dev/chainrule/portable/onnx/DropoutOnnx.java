package dev.chainrule.portable.onnx;

import java.util.Iterator;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/** Dropout is active only while training: at inference it is the identity, so it adds no node. */
final class DropoutOnnx implements OnnxLayer<LayerSpec.Dropout> {

    @Override
    public Class<LayerSpec.Dropout> kind() {
        return LayerSpec.Dropout.class;
    }

    @Override
    public Value append(LayerSpec.Dropout layer, Value input, Iterator<LayerParameters> parameters, OnnxGraph graph,
            ElementType type) {
        return input;
    }
}
