package dev.chainrule.access;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/tenants}: a name, and quotas of its own (each omitted one from configuration). */
@Schema(example = "{\"name\": \"research\", \"quotas\": {\"requestsPerMinute\": 600, \"maxActiveJobs\": 4, "
        + "\"maxStorageBytes\": 1073741824}}")
public record TenantRequest(@Schema(description = "the tenant's unique name", example = "research") String name,
        @Schema(description = "optional; each omitted quota takes the configured default") Quotas quotas) {
}
