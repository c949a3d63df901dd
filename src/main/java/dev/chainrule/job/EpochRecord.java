package dev.chainrule.job;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.chainrule.nn.train.EpochMetrics;

/** One history row: what one finished epoch of a job measured. Unique per (job, epoch). */
@Entity
@Table(name = "job_epoch")
class EpochRecord {

    @Id
    private UUID id;
    @Column(name = "job_id", nullable = false)
    private UUID jobId;
    @Column(nullable = false)
    private int epoch;
    @Embedded
    private StoredMetrics metrics;
    @Column(name = "learning_rate", nullable = false)
    private double learningRate;
    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    protected EpochRecord() {
    }

    EpochRecord(UUID jobId, EpochMetrics m) {
        this.id = UUID.randomUUID();
        this.jobId = jobId;
        this.epoch = m.epoch();
        this.metrics = StoredMetrics.of(m);
        this.learningRate = m.learningRate();
        this.durationMs = m.durationMs();
    }

    int epoch() {
        return epoch;
    }

    StoredMetrics metrics() {
        return metrics;
    }

    double learningRate() {
        return learningRate;
    }

    long durationMs() {
        return durationMs;
    }
}
