package dev.chainrule.serving;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.serving.KServeTypes.InferenceRequest;
import dev.chainrule.serving.KServeTypes.InferenceResponse;
import dev.chainrule.serving.KServeTypes.ModelMetadata;
import dev.chainrule.serving.KServeTypes.ModelReady;
import dev.chainrule.serving.KServeTypes.ServerLive;
import dev.chainrule.serving.KServeTypes.ServerMetadata;
import dev.chainrule.serving.KServeTypes.ServerReady;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The KServe Open Inference Protocol v2 over REST, for published jobs. Errors are the protocol's
 * {@code {"error": "…"}} ({@link KServeErrors}), not problem documents.
 */
@RestController
@RequestMapping("/v2")
@Tag(name = "KServe v2", description = "Open Inference Protocol v2 (REST) for published jobs; errors are "
        + "{\"error\": \"…\"} with 400 or 404")
class KServeController {

    private final KServeModels models;

    KServeController(KServeModels models) {
        this.models = models;
    }

    @GetMapping
    @Operation(summary = "Server metadata")
    ServerMetadata server() {
        return models.server();
    }

    @GetMapping("/health/live")
    @Operation(summary = "Whether the server answers")
    ServerLive live() {
        return new ServerLive(true);
    }

    @GetMapping("/health/ready")
    @Operation(summary = "Whether published models can be served (the database answers)")
    ServerReady ready() {
        return models.ready();
    }

    @GetMapping({"/models/{name}", "/models/{name}/versions/{version}"})
    @Operation(summary = "A published model's inputs and outputs (datatype and shape, -1 for the batch)",
            description = "Without a version: the newest. 404 for an unknown name or version.")
    ModelMetadata metadata(@PathVariable String name,
            @Parameter(description = "a published version; the newest when left out") @PathVariable(required = false)
            String version) {
        return models.metadata(name, version);
    }

    @GetMapping({"/models/{name}/ready", "/models/{name}/versions/{version}/ready"})
    @Operation(summary = "Whether a published model is ready (it is loaded by this call)")
    ModelReady modelReady(@PathVariable String name, @PathVariable(required = false) String version) {
        return models.ready(name, version);
    }

    @PostMapping({"/models/{name}/infer", "/models/{name}/versions/{version}/infer"})
    @Operation(summary = "Inference on a batch: raw column tensors (or one encoded 'input') in; label and "
            + "probabilities, or value, out",
            description = "The numbers equal those of POST /api/v1/jobs/{id}/predictions for the published job. The "
                    + "request id is echoed; 'outputs' selects. 400 for a malformed request, 404 for an unknown model.")
    InferenceResponse infer(@PathVariable String name, @PathVariable(required = false) String version,
            @RequestBody InferenceRequest request) {
        return models.infer(name, version, request);
    }

    /** Any other path under /v2 answers in the protocol's error form too, not with a problem document. */
    @RequestMapping("/**")
    @Operation(hidden = true)
    void unknown(HttpServletRequest request) {
        throw KServeException.notFound("No KServe v2 endpoint " + request.getMethod() + " " + request.getRequestURI()
                + ".");
    }
}
