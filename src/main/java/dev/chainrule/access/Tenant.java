package dev.chainrule.access;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: the owner of keys, datasets, models and jobs, with its quotas. The {@link #DEFAULT} tenant exists from the first migration on. */
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
    @Column(name = "requests_per_minute")
    private Integer requestsPerMinute;
    @Column(name = "max_active_jobs")
    private Integer maxActiveJobs;
    @Column(name = "max_storage_bytes")
    private Long maxStorageBytes;

    protected Tenant() {
    }

    Tenant(String name, Instant createdAt, Quotas quotas) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.createdAt = createdAt;
        this.requestsPerMinute = quotas.requestsPerMinute();
        this.maxActiveJobs = quotas.maxActiveJobs();
        this.maxStorageBytes = quotas.maxStorageBytes();
    }

    UUID id() {
        return id;
    }

    /** This tenant's quotas, each unset one from {@code defaults}. */
    Quotas quotas(Quotas defaults) {
        return new Quotas(requestsPerMinute == null ? defaults.requestsPerMinute() : requestsPerMinute,
                maxActiveJobs == null ? defaults.maxActiveJobs() : maxActiveJobs,
                maxStorageBytes == null ? defaults.maxStorageBytes() : maxStorageBytes);
    }

    TenantView view(Quotas defaults) {
        return new TenantView(id, name, createdAt, quotas(defaults));
    }
}
