package dev.chainrule.access;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/tenants}. */
@Schema(example = "{\"name\": \"research\"}")
public record TenantRequest(@Schema(description = "the tenant's unique name", example = "research") String name) {
}
