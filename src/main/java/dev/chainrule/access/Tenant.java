package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: the owner of keys. The {@link #DEFAULT} tenant exists from the first migration on. */
@Entity
@Table(name = "tenant")
class Tenant {

    static final UUID DEFAULT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Id
    private UUID id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {
    }

    Tenant(String name, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    TenantView view() {
        return new TenantView(id, name, createdAt);
    }
}
