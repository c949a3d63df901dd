package dev.chainrule.glassbox;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/models/{id}")
@Tag(name = "Glass box", description = "Backpropagation made visible: gradient checks and single steps")
class GlassBoxController {

    private final GradientCheckService checks;
    private final StepService steps;

    GlassBoxController(GradientCheckService checks, StepService steps) {
        this.checks = checks;
        this.steps = steps;
    }

    @PostMapping("/gradient-check")
    @Operation(summary = "Compare backpropagated gradients with central differences",
            description = "float64, dropout off, the model's initial parameters, on a seeded sample of a dataset's "
                    + "rows; samples every dense layer's weights, bias and input. 404 no model; 422 naming the field "
                    + "for an unknown dataset, one that does not fit the model, rows or samples out of range, or a "
                    + "check costing more than chainrule.glassbox.max-check-work.")
    GradientCheckResponse gradientCheck(@PathVariable UUID id, @RequestBody GradientCheckRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return checks.check(caller.tenantId(), id, request);
    }

    @PostMapping("/step")
    @Operation(summary = "One training step, every value shown",
            description = "Forward, loss, backward and one update on up to 256 rows, exactly as the trainer computes "
                    + "its first batch: a one-epoch, full-batch job without shuffling on the same rows ends with "
                    + "parametersAfter. 404 no model or job; 422 naming the field for rows out of range, a dataset "
                    + "or rows that do not fit the model, a checkpoint not kept, or a response larger than "
                    + "chainrule.glassbox.max-step-values.")
    StepResponse step(@PathVariable UUID id, @RequestBody StepRequest request, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return steps.step(caller.tenantId(), id, request);
    }
}
