package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.nn.train.Metric;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/** Stop when a metric has stopped improving. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Early stopping", example = "{\"metric\": \"val_loss\", \"patience\": 5}")
public record EarlyStoppingOptions(
        @Schema(description = "loss, val_loss, accuracy, val_accuracy, rmse or val_rmse; default val_loss "
                + "(loss without a validation split)") String metric,
        @Schema(description = "epochs without improvement before stopping, default 5") @Positive Integer patience,
        @Schema(description = "the least change that counts as improvement, default 0") @PositiveOrZero Double minDelta,
        @Schema(description = "end with the best epoch's parameters, default false") Boolean restoreBest) {

    /** The metric named, once the options have been resolved (an unknown name never gets that far). */
    Metric toMetric() {
        return Metric.fromJsonName(metric).orElseThrow(() -> new IllegalStateException("unresolved metric " + metric));
    }
}
