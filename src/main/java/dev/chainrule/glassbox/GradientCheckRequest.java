package dev.chainrule.glassbox;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/models/{id}/gradient-check}. */
@Schema(description = "A gradient check of the model on rows of a dataset", example = """
        {"datasetId": "00000000-0000-0000-0000-000000000000", "rows": 16, "seed": 0, "samplesPerLayer": 200}""")
record GradientCheckRequest(
        @Schema(description = "the dataset whose rows are fed; it must fit the model", requiredMode = Schema.RequiredMode.REQUIRED)
        UUID datasetId,
        @Schema(description = "how many rows, drawn from the dataset by the seed; 1 to chainrule.glassbox.max-rows",
                defaultValue = "16") Integer rows,
        @Schema(description = "seeds the choice of rows and of the values checked", defaultValue = "0") Long seed,
        @Schema(description = "values checked per tensor (each layer's weights, bias and input); all of them when "
                + "a tensor has fewer", defaultValue = "200") Integer samplesPerLayer) {
}
