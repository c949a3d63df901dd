package dev.chainrule.portable;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.net.URI;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.web.Attachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Portable models", description = "Export a trained model as one JSON bundle, import a bundle, or "
        + "download the model as ONNX")
class BundleController {

    private final ModelBundles bundles;

    BundleController(ModelBundles bundles) {
        this.bundles = bundles;
    }

    @GetMapping("/api/v1/jobs/{id}/export")
    @ApiResponse(responseCode = "409", description = "The job has no trained parameters yet")
    @Operation(operationId = "exportJob", summary = "The job's trained model as one self-contained, versioned JSON bundle",
            description = "Definition, trained parameters, fitted preprocessing, training options and final metrics. "
                    + "404 no job, 409 no trained parameters yet.")
    ResponseEntity<ModelBundle> export(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Download<ModelBundle> download = bundles.export(caller.tenantId(), id);
        return Attachments.of(download.filename(), MediaType.APPLICATION_JSON, download.content());
    }

    @PostMapping("/api/v1/models/import")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "422", description = "The bundle cannot be served: another format or version, shapes that do not match the layers, preprocessing that does not fit them; errors[] names each by JSON pointer")
    @Operation(operationId = "importModelBundle", summary = "Turn a bundle into a stored model and a finished job that serves it",
            description = "201 with the model (its trained parameters as explicit initial parameters) and the id of a "
                    + "job of kind 'imported' that predicts exactly as the bundle's source. 400 for a body that is not "
                    + "JSON of the right types; 422 naming every fault by JSON pointer: another format or version, "
                    + "parameters whose shapes do not match the layers, preprocessing that does not fit them.")
    ResponseEntity<ImportedModel> importBundle(@RequestBody ModelBundle bundle, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        ImportedModel imported = bundles.importBundle(caller.tenantId(), bundle);
        return ResponseEntity.created(URI.create("/api/v1/models/" + imported.model().id())).body(imported);
    }
}
