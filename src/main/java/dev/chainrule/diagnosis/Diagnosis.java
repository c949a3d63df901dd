package dev.chainrule.diagnosis;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code GET /api/v1/jobs/{id}/diagnosis}: what the telemetry says went wrong; empty when nothing did. */
@Schema(description = "The findings of a job's diagnosis; empty for a healthy job or one with no finished epoch")
public record Diagnosis(List<Finding> findings) {
}
