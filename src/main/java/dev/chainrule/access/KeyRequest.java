package dev.chainrule.access;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/** {@code role} is {@code admin} or {@code user}; {@code expiresAt} is optional. */
@Schema(example = "{\"name\": \"notebook\", \"role\": \"user\", \"expiresAt\": \"2027-06-30T00:00:00Z\"}")
public record KeyRequest(
        @Schema(description = "what the key is for", example = "notebook") String name,
        @Schema(description = "admin or user", allowableValues = {"admin", "user"}, example = "user") String role,
        @Schema(description = "optional; the key is refused from then on") @Nullable Instant expiresAt) {
}
