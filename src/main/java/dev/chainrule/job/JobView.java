package dev.chainrule.job;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a client sees of a job: its state, progress, latest metrics and effective options. {@code kind}
 * is {@code trained}, or {@code imported} for a finished model brought in as a bundle (no dataset).
 */
record JobView(UUID id, String kind, String status, UUID modelId, UUID datasetId, int epoch, int epochs,
        double progress, long step, Double samplesPerSecond, MetricsView metrics, Instant createdAt, Instant startedAt,
        Instant finishedAt, String error, boolean cancelRequested,
        int batchSize, OptimizerOptions optimizer, ScheduleOptions schedule, double validationSplit, boolean shuffle,
        long seed, boolean standardize, String dtype, EarlyStoppingOptions earlyStopping, int checkpointEvery,
        Long maxRuntimeSeconds, int priority,
        @Schema(description = "whether per-layer telemetry is recorded every epoch") boolean telemetry) {

    static JobView of(Job job, JobOptions o) {
        return new JobView(job.id(), job.kind().jsonName(), job.status().jsonName(), job.modelId(), job.datasetId(),
                job.epoch(), job.epochs(), job.progress(), job.step(), job.samplesPerSecond(), MetricsView.of(job.metrics()), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.error(), job.cancelRequested(), o.batchSize(), o.optimizer(),
                o.schedule(), o.validationSplit(), o.shuffle(), o.seed(), o.standardize(), o.dtype(), o.earlyStopping(),
                o.checkpointEvery(), o.maxRuntimeSeconds(), job.priority(), o.recordsTelemetry());
    }
}
