package dev.chainrule.job;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A training job row. It is inserted once and afterwards changed only by targeted, conditional
 * updates in {@link JobRepository}, so that the runner, the heartbeat and a cancel request never
 * overwrite each other's columns.
 */
@Entity
@Table(name = "job")
class Job {

    @Id
    private UUID id;
    @Column(name = "model_id", nullable = false)
    private UUID modelId;
    /** Null for an imported job. */
    @Column(name = "dataset_id")
    private UUID datasetId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private JobStatus status;
    /** The effective options as JSON ({@link JobOptions}). */
    @Column(nullable = false, length = 4000)
    private String options;
    @Column(nullable = false)
    private int epochs;
    @Column(nullable = false)
    private int epoch;
    @Column(nullable = false)
    private long step;
    @Column(nullable = false)
    private double progress;
    @Column(name = "samples_per_second")
    private Double samplesPerSecond;
    @Embedded
    private StoredMetrics metrics;
    @Column(length = 2000)
    private String error;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @Column(length = 100)
    private String owner;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    /** Higher is claimed first; see {@link JobQueue}. */
    @Column(nullable = false)
    private int priority;

    /** The tenant that made it; only that tenant's keys see it. */
    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    protected Job() {
    }

    Job(UUID id, UUID modelId, UUID datasetId, String options, int epochs, Instant createdAt, int priority) {
        this.id = id;
        this.modelId = modelId;
        this.datasetId = datasetId;
        this.kind = JobKind.TRAINED;
        this.status = JobStatus.QUEUED;
        this.options = options;
        this.epochs = epochs;
        this.createdAt = createdAt;
        this.priority = priority;
    }

    /**
     * A finished job that serves a model trained elsewhere: it starts and ends at {@code now}, with the
     * progress and final metrics its source reported.
     */
    static Job imported(UUID id, UUID modelId, String options, int epoch, int epochs, StoredMetrics metrics,
            Instant now) {
        Job job = new Job(id, modelId, null, options, epochs, now, 0);
        job.kind = JobKind.IMPORTED;
        job.status = JobStatus.SUCCEEDED;
        job.epoch = epoch;
        job.progress = 1.0;
        job.metrics = metrics;
        job.startedAt = now;
        job.finishedAt = now;
        return job;
    }

    UUID id() {
        return id;
    }

    UUID modelId() {
        return modelId;
    }

    UUID datasetId() {
        return datasetId;
    }

    JobKind kind() {
        return kind;
    }

    JobStatus status() {
        return status;
    }

    String options() {
        return options;
    }

    int epochs() {
        return epochs;
    }

    int epoch() {
        return epoch;
    }

    long step() {
        return step;
    }

    double progress() {
        return progress;
    }

    Double samplesPerSecond() {
        return samplesPerSecond;
    }

    StoredMetrics metrics() {
        return metrics;
    }

    String error() {
        return error;
    }

    boolean cancelRequested() {
        return cancelRequested;
    }

    String owner() {
        return owner;
    }

    Instant heartbeatAt() {
        return heartbeatAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    int priority() {
        return priority;
    }

    /** Sets the owning tenant before the first save. */
    Job ownedBy(UUID tenant) {
        this.tenantId = tenant;
        return this;
    }

    UUID tenantId() {
        return tenantId;
    }
}
