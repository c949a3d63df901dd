package dev.chainrule.portable.onnx;

import java.util.List;
import java.util.Map;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Precision;

/**
 * What an ONNX export is made of: the trained network (layers, parameters, precision), the preprocessing
 * it was trained under, and descriptive text ({@code metadata} becomes the model's metadata properties).
 */
public record OnnxModel(String name, String description, String producerVersion, List<LayerSpec> layers,
        List<LayerParameters> parameters, Precision precision, Preprocessing preprocessing,
        Map<String, String> metadata) {

    public OnnxModel {
        layers = List.copyOf(layers);
        parameters = List.copyOf(parameters);
        metadata = Map.copyOf(metadata);
    }
}
