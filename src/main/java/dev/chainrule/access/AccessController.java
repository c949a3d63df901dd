package dev.chainrule.access;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Tenants and their keys: admin keys only (the security configuration refuses the others with 403). */
@RestController
@Tag(name = "Access")
class AccessController {

    private final Tenants tenants;
    private final ApiKeys keys;

    AccessController(Tenants tenants, ApiKeys keys) {
        this.tenants = tenants;
        this.keys = keys;
    }

    @PostMapping("/api/v1/tenants")
    @ApiResponse(responseCode = "201", description = "The tenant, with the quotas in force")
    @ApiResponse(responseCode = "409", description = "A tenant of that name exists")
    @Operation(operationId = "createTenant", summary = "Create a tenant (admin)",
            description = "201 with the tenant. 409 a tenant of that name exists, 422 an invalid name.")
    ResponseEntity<TenantView> createTenant(@RequestBody TenantRequest request) {
        TenantView created = tenants.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/tenants")
    @Operation(operationId = "listTenants", summary = "List the tenants this admin key manages (admin)")
    List<TenantView> listTenants(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return tenants.list(caller);
    }

    @PostMapping("/api/v1/tenants/{id}/keys")
    @ApiResponse(responseCode = "201", description = "The key, with its secret shown this once")
    @Operation(operationId = "createKey", summary = "Create an API key of a tenant (admin)",
            description = "201 with the key's secret in `key`: the only time it is shown. 404 no such tenant, 422 "
                    + "an invalid name, role (admin or user) or a past expiresAt.")
    ResponseEntity<CreatedKey> createKey(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller,
                                         @PathVariable UUID id, @RequestBody KeyRequest request) {
        CreatedKey created = keys.create(caller, id, request);
        return ResponseEntity.created(URI.create("/api/v1/keys/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/tenants/{id}/keys")
    @Operation(operationId = "listKeys", summary = "List a tenant's API keys, without their secrets (admin)")
    List<KeyView> listKeys(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return keys.list(caller, id);
    }

    @DeleteMapping("/api/v1/keys/{id}")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key (admin)",
            description = "The key is refused from the next request on, on every instance. 404 no such key.")
    KeyView revokeKey(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return keys.revoke(caller, id);
    }
}
