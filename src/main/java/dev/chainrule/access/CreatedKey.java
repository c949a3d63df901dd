package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

/** A new key with its secret ({@code key}): the only time the secret is shown. */
public record CreatedKey(UUID id, String name, String key, String prefix, String role, Instant expiresAt) {
}
