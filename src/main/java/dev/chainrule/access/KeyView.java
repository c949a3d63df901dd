package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

/** A key as listed: its visible prefix, never its secret. */
public record KeyView(UUID id, UUID tenantId, String name, String role, String prefix, Instant createdAt,
                      Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
}
