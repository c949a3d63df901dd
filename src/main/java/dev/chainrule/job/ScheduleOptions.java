package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** How the learning rate changes from epoch to epoch. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Learning-rate schedule", example = "{\"type\": \"step\", \"stepSize\": 10, \"gamma\": 0.5}")
public record ScheduleOptions(
        @Schema(description = "constant, step, exponential or cosine", defaultValue = "constant") String type,
        @Schema(description = "step: epochs between decays, default 10") @Positive Integer stepSize,
        @Schema(description = "step (default 0.1) and exponential (default 0.95): the decay factor")
        @Positive @DecimalMax("1") Double gamma,
        @Schema(description = "cosine: epochs to anneal over, default the job's epochs") @Positive Integer periodEpochs,
        @Schema(description = "cosine: the final rate, default 0") @PositiveOrZero Double minRate) {
}
