package dev.chainrule.job;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** The job and epoch a forked job started from, and what it restored of that checkpoint. */
record ParentView(UUID jobId, int epoch, @Schema(allowableValues = {"weights", "all"}) String restore) {
}
