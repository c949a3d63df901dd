package dev.chainrule.access;

import java.time.Instant;

/** {@code role} is {@code admin} or {@code user}; {@code expiresAt} is optional. */
public record KeyRequest(String name, String role, Instant expiresAt) {
}
