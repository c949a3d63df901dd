package dev.chainrule.access;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A tenant's limits: requests per minute (429 with Retry-After above it), jobs queued and running at
 * once (429), and the bytes of its stored datasets (413). See docs/security.md.
 */
@Schema(example = "{\"requestsPerMinute\": 600, \"maxActiveJobs\": 4, \"maxStorageBytes\": 1073741824}")
public record Quotas(
        @Schema(description = "requests one tenant's keys may make per minute, on each instance", example = "600")
        Integer requestsPerMinute,
        @Schema(description = "jobs queued and running at once", example = "4") Integer maxActiveJobs,
        @Schema(description = "bytes of the tenant's stored datasets (as uploaded)", example = "1073741824")
        Long maxStorageBytes) {
}
