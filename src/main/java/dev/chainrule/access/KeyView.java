package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Nullable;

/** A key as listed: its visible prefix, never its secret. */
public record KeyView(UUID id, UUID tenantId, String name, String role, String prefix, Instant createdAt,
                      @Nullable Instant expiresAt, @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
}
