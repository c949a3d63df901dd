package dev.chainrule.portable.onnx;

import java.util.Iterator;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;

/**
 * How one kind of layer appears in an ONNX graph: its inference-time computation, written with the
 * parameters it takes from the model's parameter list (in layer order). One implementation per layer
 * kind, listed in {@link OnnxLayers}.
 */
interface OnnxLayer<S extends LayerSpec> {

    Class<S> kind();

    /**
     * Appends the layer's nodes.
     *
     * @param input the value holding the layer's input, [batch, input.width()]
     * @param parameters the model's remaining parameter entries; the layer takes its own
     * @return the value holding the layer's output and its width
     */
    Value append(S layer, Value input, Iterator<LayerParameters> parameters, OnnxGraph graph, ElementType type);

    /** A named [batch, width] value of the graph. */
    record Value(String name, int width) {
    }
}
