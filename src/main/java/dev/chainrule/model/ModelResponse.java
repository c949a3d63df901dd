package dev.chainrule.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.nn.LayerParameters;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A model definition as the API shows it: the request with its defaults resolved, plus {@code id},
 * {@code createdAt} and {@code parameterCount} (null while the input width is unknown). Lists leave out
 * the explicit {@code parameters}, which can be large.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelResponse(UUID id, String name, Integer inputs, List<ModelJson.Layer> layers, String loss,
        String weightInit, long seed, double l2, List<LayerParameters> parameters,
        @Schema(description = "Weights and biases for the input width, when known") Long parameterCount,
        Instant createdAt) {

    static ModelResponse of(StoredModel model, Instant createdAt, boolean withParameters) {
        return new ModelResponse(model.id(), model.name(), model.inputs(),
                model.layers().stream().map(ModelJson.Layer::of).toList(), model.loss().jsonName(),
                model.weightInit().jsonName(), model.seed(), model.l2(), withParameters ? model.parameters() : null,
                model.inputs() == null ? null : ModelValidator.parameterCount(model.inputs(), model.layers()),
                createdAt);
    }
}
