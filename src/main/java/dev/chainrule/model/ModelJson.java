package dev.chainrule.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.nn.Activation;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored JSON form of layers and parameters. It has its own mapper so that the storage format does
 * not change with the web layer's JSON settings. Doubles are written in their shortest exact form, so
 * parameters read back bit for bit.
 */
final class ModelJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ModelJson() {
    }

    /** One layer as stored and as shown to clients. */
    @Schema(name = "ModelLayer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Layer(String type, Integer units, String activation, Double rate, Double momentum, Double epsilon,
            List<Layer> layers, Boolean projection) {

        static Layer of(LayerSpec spec) {
            if (spec instanceof LayerSpec.Dense dense) {
                return new Layer("dense", dense.units(), dense.activation().jsonName(), null, null, null, null, null);
            }
            if (spec instanceof LayerSpec.BatchNorm norm) {
                return new Layer("batch_norm", null, null, null, norm.momentum(), norm.epsilon(), null, null);
            }
            if (spec instanceof LayerSpec.Residual residual) {
                return new Layer("residual", null, null, null, null, null,
                        residual.layers().stream().map(Layer::of).toList(), residual.projection());
            }
            return new Layer("dropout", null, null, ((LayerSpec.Dropout) spec).rate(), null, null, null, null);
        }

        LayerSpec toSpec() {
            return switch (type) {
                case "dropout" -> new LayerSpec.Dropout(rate);
                case "batch_norm" -> new LayerSpec.BatchNorm(momentum, epsilon);
                case "residual" -> new LayerSpec.Residual(layers.stream().map(Layer::toSpec).toList(),
                        Boolean.TRUE.equals(projection));
                default -> new LayerSpec.Dense(units, Activation.fromJsonName(activation).orElseThrow());
            };
        }
    }

    static String layers(List<LayerSpec> layers) {
        return MAPPER.writeValueAsString(layers.stream().map(Layer::of).toList());
    }

    static List<LayerSpec> layers(String json) {
        return MAPPER.readValue(json, new TypeReference<List<Layer>>() { }).stream().map(Layer::toSpec).toList();
    }

    static String parameters(List<LayerParameters> parameters) {
        return parameters == null ? null : MAPPER.writeValueAsString(parameters);
    }

    static List<LayerParameters> parameters(String json) {
        return json == null ? null : MAPPER.readValue(json, new TypeReference<List<LayerParameters>>() { });
    }
}
