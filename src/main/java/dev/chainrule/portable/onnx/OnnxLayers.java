package dev.chainrule.portable.onnx;

import java.util.Iterator;
import java.util.List;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/** The ONNX form of every layer kind the engine has; a new kind adds its class here. */
final class OnnxLayers {

    static final List<OnnxLayer<?>> ALL = List.of(new DenseOnnx(), new DropoutOnnx(), new BatchNormOnnx(),
            new ResidualOnnx());

    private OnnxLayers() {
    }

    static OnnxLayer.Value append(LayerSpec layer, OnnxLayer.Value input, Iterator<LayerParameters> parameters,
            OnnxGraph graph, ElementType type) {
        for (OnnxLayer<?> form : ALL) {
            if (form.kind().isInstance(layer)) {
                return appendAs(form, layer, input, parameters, graph, type);
            }
        }
        throw new IllegalArgumentException("no ONNX form for layer " + layer);
    }

    private static <S extends LayerSpec> OnnxLayer.Value appendAs(OnnxLayer<S> form, LayerSpec layer,
            OnnxLayer.Value input, Iterator<LayerParameters> parameters, OnnxGraph graph, ElementType type) {
        return form.append(form.kind().cast(layer), input, parameters, graph, type);
    }
}
