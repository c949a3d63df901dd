package dev.chainrule.diagnosis;

import io.swagger.v3.oas.annotations.media.Schema;

/** One trainable layer in one finished epoch, as {@code GET /api/v1/jobs/{id}/layers} shows it. */
@Schema(description = "What one trainable layer did during one finished epoch. The batch values are averaged "
        + "over the epoch's measured batches: every batch of an epoch of up to 32 batches, else every k-th from the "
        + "first, k = ceil(batches/32)")
public record LayerTelemetryView(
        @Schema(description = "the epoch, counted from 1") int epoch,
        @Schema(description = "the layer's position in the model's layers, counted from 0") int layer,
        @Schema(description = "the layer's kind", example = "dense") String kind,
        @Schema(description = "‖W‖₂, the L2 norm of the layer's weights at the end of the epoch") Double weightNorm,
        @Schema(description = "‖∂L/∂W‖₂, the root mean square over the measured batches of the weight gradient's "
                + "L2 norm (L2 term included, before the optimizer step)") Double gradientNorm,
        @Schema(description = "‖∂L/∂b‖₂, the root mean square over the measured batches") Double biasGradientNorm,
        @Schema(description = "‖ΔW‖₂/‖W‖₂ of the update the optimizer applied (W before the step), the mean over "
                + "the measured batches; about 1e-4 to 1e-2 is healthy") Double updateRatio,
        @Schema(description = "the error signal reaching the layer, ‖∂L/∂z‖₂/√rows, the mean over the "
                + "measured batches") Double errorNorm,
        @Schema(description = "the mean of the layer's outputs on the first batch of the epoch") Double activationMean,
        @Schema(description = "the standard deviation of the layer's outputs on the first batch of the epoch")
        Double activationStd,
        @Schema(description = "the share of units whose output is 0 for every row of the epoch's first batch")
        double deadFraction,
        @Schema(description = "the share of the first batch's outputs outside [0.01, 0.99] (sigmoid) or with "
                + "|a| above 0.99 (tanh); null for other activations") Double saturatedFraction) {
}
