package dev.chainrule.job;

import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.diagnosis.Diagnosis;
import dev.chainrule.diagnosis.LayerTelemetryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Asynchronous training jobs")
class JobTelemetryController {

    private final JobTelemetryService service;

    JobTelemetryController(JobTelemetryService service) {
        this.service = service;
    }

    @GetMapping("/{id}/layers")
    @Operation(summary = "Per-layer telemetry, one entry per finished epoch and trainable layer",
            description = "Ordered by epoch, then layer; empty before the first epoch has finished, or for a job "
                    + "created with telemetry false. See docs/telemetry.md for how each value is measured.")
    List<LayerTelemetryView> layers(@PathVariable UUID id,
            @Parameter(description = "only this layer (its position in the model, from 0)")
            @RequestParam(required = false) Integer layer,
            @Parameter(description = "only epochs from this one on (from 1)")
            @RequestParam(required = false) Integer fromEpoch, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.layers(caller.tenantId(), id, layer, fromEpoch);
    }

    @GetMapping("/{id}/diagnosis")
    @Operation(summary = "What the telemetry and history say went wrong, with evidence and advice",
            description = "Kinds: vanishing_gradients, exploding_gradients, dead_relu, saturation, "
                    + "learning_rate_too_high, learning_rate_too_low, overfitting, diverged. No findings for a "
                    + "healthy job or one with no finished epoch. Thresholds in docs/telemetry.md.")
    Diagnosis diagnosis(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return service.diagnosis(caller.tenantId(), id);
    }
}
