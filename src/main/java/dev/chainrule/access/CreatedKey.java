package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.Nullable;

/** A new key with its secret ({@code key}): the only time the secret is shown. */
public record CreatedKey(UUID id, String name, String key, String prefix, String role, @Nullable Instant expiresAt) {
}
