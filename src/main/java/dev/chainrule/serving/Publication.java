package dev.chainrule.serving;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One version of a published name: the job that answers for it. Written once, never changed. */
@Entity
@Table(name = "publication")
class Publication {

    @Id
    private UUID id;
    @Column(nullable = false, length = 100)
    private String name;
    @Column(nullable = false)
    private int version;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The tenant that made it; only that tenant's keys see it. */
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    protected Publication() {
    }

    Publication(String name, int version, UUID jobId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.version = version;
        this.jobId = jobId;
        this.createdAt = createdAt;
    }

    String name() {
        return name;
    }

    int version() {
        return version;
    }

    UUID jobId() {
        return jobId;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** Sets the owning tenant before the first save. */
    Publication ownedBy(UUID tenant) {
        this.tenantId = tenant;
        return this;
    }

    UUID tenantId() {
        return tenantId;
    }
}
