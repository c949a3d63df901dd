package dev.chainrule.glassbox;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.chainrule.nn.check.GradientCheck;

/** The outcome of a gradient check: passed when no tensor's largest relative error exceeds the threshold. */
record GradientCheckResponse(
        @Schema(description = "true when every checked value agrees within the threshold") boolean passed,
        @Schema(description = "the largest relative error |a−n|/(|a|+|n|) over every checked value; a difference "
                + "below 1e-8 counts as 0") double maxRelativeError,
        @Schema(description = "the largest relative error that passes") double threshold,
        @Schema(description = "one entry per layer input and parameter tensor (weights, bias, gamma, beta), layers "
                + "numbered in running order with residual blocks opened") List<LayerCheck> layers) {

    record LayerCheck(
            @Schema(description = "the layer's position in the model, from 0") int layer,
            @Schema(description = "weights, bias or input") String parameter,
            @Schema(description = "how many of its values were compared") int checked,
            @Schema(description = "the largest relative error among them") double maxRelativeError) {
    }

    static GradientCheckResponse of(GradientCheck.Result result) {
        return new GradientCheckResponse(result.passed(), result.maxRelativeError(), result.threshold(),
                result.entries().stream()
                        .map(e -> new LayerCheck(e.layer(), e.parameter(), e.checked(), e.maxRelativeError()))
                        .toList());
    }
}
