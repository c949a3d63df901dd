package dev.chainrule.portable;

import java.util.UUID;

import dev.chainrule.model.ModelResponse;
import io.swagger.v3.oas.annotations.media.Schema;

/** An imported bundle: the stored model and the finished job of kind {@code imported} that serves it. */
record ImportedModel(
        @Schema(description = "Ask it like any job: /api/v1/jobs/{jobId}/predictions, or publish it") UUID jobId,
        ModelResponse model) {
}
