package dev.chainrule.prediction;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** Raw feature values, one instance per row: an array in column order or an object keyed by column name. */
@Schema(example = """
        {"instances": [[5.1, 3.5, 1.4, 0.2],
                       {"sepal_length_cm": 6.7, "sepal_width_cm": 3.0, "petal_length_cm": 5.2, "petal_width_cm": 2.3}]}""")
record PredictionRequest(
        @Schema(description = "Each instance is [value, ...] in the training dataset's feature column order, or "
                + "{column: value}; null marks a missing value") List<Object> instances) {
}
