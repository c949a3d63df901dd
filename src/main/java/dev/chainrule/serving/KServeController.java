package dev.chainrule.serving;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    private static final String INFER = "The numbers equal those of POST /api/v1/jobs/{id}/predictions for the "
            + "published job. The request id is echoed; 'outputs' selects. 400 for a malformed request, 404 for an "
            + "unknown model or version.";

    private final KServeModels models;

    KServeController(KServeModels models) {
        this.models = models;
    }

    @GetMapping
    @Operation(operationId = "kserveServerMetadata", summary = "Server metadata")
    ServerMetadata server() {
        return models.server();
    }

    @GetMapping("/health/live")
    @Operation(operationId = "kserveServerLive", summary = "Whether the server answers")
    ServerLive live() {
        return new ServerLive(true);
    }

    @GetMapping("/health/ready")
    @Operation(operationId = "kserveServerReady", summary = "Whether published models can be served (the database "
            + "answers)")
    ServerReady ready() {
        return models.ready();
    }

    @GetMapping("/models/{name}")
    @Operation(operationId = "kserveModelMetadata", summary = "The newest version's inputs and outputs (datatype and "
            + "shape, -1 for the batch)", description = "404 for an unknown name.")
    ModelMetadata metadata(@PathVariable String name,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.metadata(caller.tenantId(), name, null);
    }

    @GetMapping("/models/{name}/versions/{version}")
    @Operation(operationId = "kserveModelVersionMetadata", summary = "A published version's inputs and outputs",
            description = "404 for an unknown name or version.")
    ModelMetadata metadata(@PathVariable String name, @PathVariable String version,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.metadata(caller.tenantId(), name, version);
    }

    @GetMapping("/models/{name}/ready")
    @Operation(operationId = "kserveModelReady", summary = "Whether the newest version is ready (loaded by this call)")
    ModelReady modelReady(@PathVariable String name,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.ready(caller.tenantId(), name, null);
    }

    @GetMapping("/models/{name}/versions/{version}/ready")
    @Operation(operationId = "kserveModelVersionReady", summary = "Whether a published version is ready")
    ModelReady modelReady(@PathVariable String name, @PathVariable String version,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.ready(caller.tenantId(), name, version);
    }

    @PostMapping("/models/{name}/infer")
    @Operation(operationId = "kserveInfer", summary = "Inference by the newest version: raw column tensors (or one "
            + "encoded 'input') in; label and probabilities, or value, out", description = INFER)
    InferenceResponse infer(@PathVariable String name, @RequestBody InferenceRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.infer(caller.tenantId(), name, null, request);
    }

    @PostMapping("/models/{name}/versions/{version}/infer")
    @Operation(operationId = "kserveInferVersion", summary = "Inference by a published version", description = INFER)
    InferenceResponse infer(@PathVariable String name, @PathVariable String version,
            @RequestBody InferenceRequest request,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return models.infer(caller.tenantId(), name, version, request);
    }

    /** Any other path under /v2 answers in the protocol's error form too, not with a problem document. */
    @RequestMapping("/**")
    @Operation(hidden = true)
    void unknown(HttpServletRequest request) {
        throw KServeException.notFound("No KServe v2 endpoint " + request.getMethod() + " " + request.getRequestURI()
                + ".");
    }
}
