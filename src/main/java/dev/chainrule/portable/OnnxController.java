package dev.chainrule.portable;

import io.swagger.v3.oas.annotations.Parameter;
import dev.chainrule.access.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.chainrule.web.Attachments;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Portable models")
class OnnxController {

    private final OnnxExports exports;

    OnnxController(OnnxExports exports) {
        this.exports = exports;
    }

    @GetMapping("/api/v1/jobs/{id}/model.onnx")
    @ApiResponse(responseCode = "409", description = "The job has no trained parameters yet")
    @Operation(operationId = "getJobOnnx", summary = "The job's trained model and its preprocessing as one ONNX graph (opset 13)",
            description = "Inputs are the raw feature columns, each [N, 1]: numeric ones as float (NaN for a missing "
                    + "value), categorical ones as string. Outputs: probabilities, label_index and label "
                    + "(classification) or value in the target's units (regression). 404 no job, 409 no trained "
                    + "parameters yet.")
    @ApiResponse(responseCode = "200", description = "The ONNX model",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> onnx(@PathVariable UUID id, @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        Download<byte[]> download = exports.export(caller.tenantId(), id);
        return Attachments.of(download.filename(), MediaType.APPLICATION_OCTET_STREAM, download.content());
    }
}
