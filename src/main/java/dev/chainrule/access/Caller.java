package dev.chainrule.access;

import java.util.UUID;

/** Who made a request: the key, its tenant and its role. Never holds the secret. */
public record Caller(UUID keyId, UUID tenantId, KeyRole role) {

    /** Every request when security is off ({@code chainrule.security.enabled=false}). */
    public static final Caller UNSECURED = new Caller(null, Tenant.DEFAULT, KeyRole.ADMIN);

    public boolean isAdmin() {
        return role == KeyRole.ADMIN;
    }

    /** The default tenant's admins manage every tenant; another tenant's admins only their own. */
    boolean manages(UUID tenant) {
        return isAdmin() && (tenantId.equals(Tenant.DEFAULT) || tenantId.equals(tenant));
    }
}
