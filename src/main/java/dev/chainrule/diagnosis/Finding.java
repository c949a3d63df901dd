package dev.chainrule.diagnosis;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/** One problem the diagnosis found in a job's telemetry and history. */
@Schema(description = "One problem found in a job's per-layer telemetry and history")
public record Finding(
        @Schema(description = "vanishing_gradients, exploding_gradients, dead_relu, saturation, "
                + "learning_rate_too_high, learning_rate_too_low, overfitting or diverged") String kind,
        @Schema(description = "warning (training works but worse than it could), or critical (training cannot "
                + "succeed as it stands)") String severity,
        @Schema(description = "the layers concerned, by position in the model counted from 0; empty when the "
                + "finding is about the whole network") List<Integer> layers,
        @Schema(description = "the first epoch the finding covers, counted from 1") int fromEpoch,
        @Schema(description = "the last epoch the finding covers") int toEpoch,
        @Schema(description = "the numbers behind the finding, each named, with the threshold it crossed "
                + "(see docs/telemetry.md for every kind's)") Map<String, Double> evidence,
        @Schema(description = "what to change: the activation, initialisation, learning rate or regularisation "
                + "to try") String advice) {
}
