package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The update rule of a job, as requested (fields may be left out) and as applied (defaults filled
 * in, fields that do not apply to the type left out).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Optimizer; PyTorch semantics", example = "{\"type\": \"adam\", \"learningRate\": 0.01}")
public record OptimizerOptions(
        @Schema(description = "sgd, adam or rmsprop", defaultValue = "adam") String type,
        @Schema(description = "default 0.001 (adam) or 0.01 (sgd, rmsprop)") @Positive Double learningRate,
        @Schema(description = "sgd and rmsprop, default 0") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
        @Schema(description = "sgd only, needs momentum > 0; default false") Boolean nesterov,
        @Schema(description = "adam only, default 0.9") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double beta1,
        @Schema(description = "adam only, default 0.999") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double beta2,
        @Schema(description = "adam and rmsprop, default 1e-8") @Positive Double epsilon,
        @Schema(description = "rmsprop only, default 0.99") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double alpha,
        @Schema(description = "coupled L2 weight decay, default 0") @PositiveOrZero Double weightDecay) {
}
