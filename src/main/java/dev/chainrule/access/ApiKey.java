package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A stored API key: the hash of its secret, never the secret. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private UUID id;
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;
    @Column(nullable = false, length = 100)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private KeyRole role;
    @Column(nullable = false, length = 16)
    private String prefix;
    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    ApiKey(UUID tenantId, String name, KeyRole role, String secret, Instant createdAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = name;
        this.role = role;
        this.prefix = KeySecrets.prefixOf(secret);
        this.secretHash = KeySecrets.hash(secret);
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    UUID id() {
        return id;
    }

    UUID tenantId() {
        return tenantId;
    }

    String secretHash() {
        return secretHash;
    }

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    Caller caller() {
        return new Caller(id, tenantId, role);
    }

    KeyView view() {
        return new KeyView(id, tenantId, name, role.wireName(), prefix, createdAt, expiresAt, revokedAt, lastUsedAt);
    }
}
