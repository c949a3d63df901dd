package dev.chainrule.job;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import dev.chainrule.nn.train.TrainerCheckpoint;

/**
 * A resumable snapshot of a job. {@code batch} is 0 for one taken at an epoch boundary and the
 * batches done into the next epoch for one taken when the service shut down mid-epoch (those carry
 * no metrics and no score). {@code score} orders epoch checkpoints: lower is better.
 */
@Entity
@Table(name = "job_checkpoint")
class StoredCheckpoint {

    @Id
    private UUID id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(nullable = false)
    private int epoch;
    @Column(nullable = false)
    private int batch;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private boolean best;
    private Double score;
    @Embedded
    private StoredMetrics metrics;
    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    private byte[] state;

    protected StoredCheckpoint() {
    }

    StoredCheckpoint(UUID jobId, TrainerCheckpoint checkpoint, StoredMetrics metrics, Double score, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.epoch = checkpoint.epochsCompleted();
        this.batch = checkpoint.batchesIntoEpoch();
        this.state = checkpoint.payload();
        this.metrics = metrics;
        this.score = score;
        this.createdAt = createdAt;
    }

    UUID id() {
        return id;
    }

    int epoch() {
        return epoch;
    }

    int batch() {
        return batch;
    }

    Instant createdAt() {
        return createdAt;
    }

    boolean best() {
        return best;
    }

    Double score() {
        return score;
    }

    StoredMetrics metrics() {
        return metrics;
    }

    TrainerCheckpoint toTrainerCheckpoint() {
        return new TrainerCheckpoint(epoch, batch, state);
    }
}
