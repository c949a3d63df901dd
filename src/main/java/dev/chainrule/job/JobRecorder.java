package dev.chainrule.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.nn.train.ConfusionMatrix;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.LayerTelemetry;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.ops.JobMetrics;

/**
 * Writes what a running job produces. Each method is one transaction that first re-asserts this
 * instance's ownership of the job (a conditional update); if another instance took the job over,
 * nothing is written and the caller is told to stop. An epoch's history row, its checkpoint and the
 * job's progress commit together, so a crash leaves either all of them or none.
 */
@Component
class JobRecorder {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final EpochRecordRepository epochs;
    private final LayerTelemetryRepository telemetry;
    private final StoredCheckpointRepository checkpoints;
    private final JobsProperties properties;
    private final JobMetrics metrics;
    private final ApplicationEventPublisher events;
    private final JobEvaluationRepository evaluations;

    JobRecorder(JobRepository jobs, JobArtifactRepository artifacts, EpochRecordRepository epochs,
            LayerTelemetryRepository telemetry, StoredCheckpointRepository checkpoints, JobsProperties properties,
            JobMetrics metrics, ApplicationEventPublisher events, JobEvaluationRepository evaluations) {
        this.events = events;
        this.evaluations = evaluations;
        this.telemetry = telemetry;
        this.metrics = metrics;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.epochs = epochs;
        this.checkpoints = checkpoints;
        this.properties = properties;
    }

    /** Stores a classification job's confusion matrix on its validation rows, named by its classes. */
    @Transactional
    void recordEvaluation(UUID jobId, ConfusionMatrix matrix) {
        List<String> classes = PreprocessingCodec.decode(artifacts.findById(jobId).orElseThrow().preprocessing()).classes();
        evaluations.save(new JobEvaluation(jobId, new EvaluationView.Stored(classes, matrix.counts())));
    }

    /**
     * @param layers the epoch's per-layer telemetry, stored with its history row (empty when off)
     * @param checkpoint null when no checkpoint is due this epoch
     * @return false when the job is no longer this instance's
     */
    @Transactional
    boolean recordEpoch(UUID jobId, String owner, EpochMetrics m, List<LayerTelemetry> layers, long step,
            double progress,
            TrainerCheckpoint checkpoint, byte[] parameters, Metric bestMetric) {
        StoredMetrics metrics = StoredMetrics.of(m);
        if (jobs.recordEpoch(jobId, owner, Instant.now(), m.epoch(), step, progress, m.samplesPerSecond(), metrics) == 0) {
            return false;
        }
        // An epoch replayed after a crash (when checkpoints are sparser than epochs) keeps its first
        // rows, history and telemetry alike.
        if (!epochs.existsByJobIdAndEpoch(jobId, m.epoch())) {
            epochs.save(new EpochRecord(jobId, m));
            telemetry.saveAll(layers.stream().map(l -> new LayerTelemetryRecord(jobId, m.epoch(), l)).toList());
        }
        artifacts.replaceParameters(jobId, parameters);
        afterCommit(() -> events.publishEvent(new TrainedParametersChanged(jobId)));
        if (checkpoint != null) {
            store(jobId, new StoredCheckpoint(jobId, checkpoint, metrics, bestMetric.score(m), Instant.now()));
        }
        afterCommit(() -> this.metrics.epochFinished(Duration.ofMillis(m.durationMs()), m.samplesPerSecond()));
        return true;
    }

    /**
     * Saves the snapshot a graceful shutdown stopped at (if the trainer got far enough to take one)
     * and hands the job back to the queue.
     */
    @Transactional
    boolean suspend(UUID jobId, String owner, TrainerCheckpoint checkpoint) {
        if (jobs.requeue(jobId, owner) == 0) {
            return false;
        }
        if (checkpoint != null) {
            store(jobId, new StoredCheckpoint(jobId, checkpoint, null, null, Instant.now()));
        }
        return true;
    }

    /** @param parameters the final parameters, or null to keep those of the last epoch */
    @Transactional
    boolean finish(UUID jobId, String owner, JobStatus status, String error, byte[] parameters) {
        if (jobs.finish(jobId, owner, status, error, Instant.now()) == 0) {
            return false;
        }
        if (parameters != null) {
            artifacts.replaceParameters(jobId, parameters);
            afterCommit(() -> events.publishEvent(new TrainedParametersChanged(jobId)));
        }
        afterCommit(() -> metrics.jobFinished(status.jsonName()));
        return true;
    }

    /** Counters must not count an epoch or an ending whose transaction rolls back. */
    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private void store(UUID jobId, StoredCheckpoint checkpoint) {
        List<CheckpointSummary> existing = checkpoints.findSummariesNewestFirst(jobId);
        // A deterministic replay reaches the same position with the same state: keep the stored one.
        if (existing.stream().anyMatch(c -> c.epoch() == checkpoint.epoch() && c.batch() == checkpoint.batch())) {
            return;
        }
        checkpoints.save(checkpoint);
        List<CheckpointSummary> all = new ArrayList<>(existing);
        all.add(0, new CheckpointSummary(checkpoint.id(), checkpoint.epoch(), checkpoint.batch(),
                checkpoint.createdAt(), false, checkpoint.score(), checkpoint.metrics()));
        CheckpointSummary best = all.stream().filter(c -> c.score() != null)
                .min(Comparator.comparingDouble(CheckpointSummary::score).thenComparingInt(CheckpointSummary::epoch))
                .orElse(null);
        List<UUID> stale = new ArrayList<>();
        for (int i = properties.keepCheckpoints(); i < all.size(); i++) {
            if (all.get(i) != best) {
                stale.add(all.get(i).id());
            }
        }
        checkpoints.markBest(jobId, best == null ? null : best.id());
        checkpoints.deleteAllByIdInBatch(stale);
    }
}
