package dev.chainrule.job;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;

/**
 * What a client sees of a job: its state, progress, latest metrics and effective options. {@code kind}
 * is {@code trained}, or {@code imported} for a finished model brought in as a bundle (no dataset).
 */
record JobView(UUID id,
        @Schema(allowableValues = {"trained", "imported"}) String kind,
        @Schema(allowableValues = {"queued", "running", "succeeded", "failed", "cancelled"}) String status,
        UUID modelId,
        @Schema(description = "null for an imported job") @Nullable UUID datasetId,
        int epoch, int epochs, double progress, long step,
        @Schema(description = "null before the first batch") @Nullable Double samplesPerSecond,
        @Schema(description = "null before the first epoch") @Nullable MetricsView metrics,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Schema(description = "why a failed job failed; null otherwise") @Nullable String error,
        boolean cancelRequested,
        int batchSize, OptimizerOptions optimizer, ScheduleOptions schedule, double validationSplit, boolean shuffle,
        long seed, boolean standardize, @Schema(allowableValues = {"float32", "float64"}) String dtype,
        @Nullable EarlyStoppingOptions earlyStopping, int checkpointEvery, @Nullable Long maxRuntimeSeconds,
        int priority,
        @Schema(description = "whether per-layer telemetry is recorded every epoch") boolean telemetry,
        @Schema(description = "global gradient norm clipped to; null when not clipped") @Nullable Double gradientClipNorm,
        @Schema(description = "gradient value clamped to; null when not clipped") @Nullable Double gradientClipValue,
        @Schema(description = "the job and epoch a fork started from; null for any other job") @Nullable ParentView parent,
        @Schema(description = "a finished classification job's balanced accuracy, macro F1 and confusion matrix "
                + "on its validation rows; null otherwise") @Nullable EvaluationView evaluation,
        @Schema(description = "\"balanced\" or label to weight; null when the loss is not weighted by class",
                oneOf = {String.class, Object.class}) @Nullable Object classWeights) {

    static JobView of(Job job, JobOptions o) {
        return of(job, o, null, null);
    }

    static JobView of(Job job, JobOptions o, ParentView parent, EvaluationView evaluation) {
        return new JobView(job.id(), job.kind().jsonName(), job.status().jsonName(), job.modelId(), job.datasetId(),
                job.epoch(), job.epochs(), job.progress(), job.step(), job.samplesPerSecond(), MetricsView.of(job.metrics()), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.error(), job.cancelRequested(), o.batchSize(), o.optimizer(),
                o.schedule(), o.validationSplit(), o.shuffle(), o.seed(), o.standardize(), o.dtype(), o.earlyStopping(),
                o.checkpointEvery(), o.maxRuntimeSeconds(), job.priority(), o.recordsTelemetry(), o.gradientClipNorm(),
                o.gradientClipValue(), parent, evaluation, o.classWeights());
    }
}
