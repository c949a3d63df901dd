package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

/** A tenant with its quotas in force (its own, else the configured defaults). */
public record TenantView(UUID id, String name, Instant createdAt, Quotas quotas) {
}
