package dev.chainrule.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.chainrule.fault.DomainException;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.ParameterCodec;
import dev.chainrule.nn.train.BatchProgress;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.TrainingOutcome;

/**
 * One claimed job being trained on this instance: listens to the trainer, persists every epoch,
 * and turns the way training ended into the job's next state. Stop requests (cancel, shutdown,
 * loss of ownership, runtime limit) arrive from other threads and take effect at the next batch.
 */
final class TrainingRun implements TrainingListener {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    private final UUID jobId;
    private final String owner;
    private final JobRecorder recorder;
    private volatile boolean cancelled;
    private volatile boolean shuttingDown;
    private volatile boolean lost;
    private volatile long step;
    private volatile double progress;
    private PreparedJob job;
    private Instant deadline;

    TrainingRun(UUID jobId, String owner, JobRecorder recorder) {
        this.jobId = jobId;
        this.owner = owner;
        this.recorder = recorder;
    }

    UUID jobId() {
        return jobId;
    }

    long step() {
        return step;
    }

    double progress() {
        return progress;
    }

    void cancel() {
        cancelled = true;
    }

    void shutDown() {
        shuttingDown = true;
    }

    void markLost() {
        lost = true;
    }

    /** Prepares and trains; never throws (a failure becomes the job's FAILED state). */
    void run(JobPreparer preparer) {
        try {
            job = preparer.prepare(jobId);
            deadline = job.deadline();
            TrainingOutcome outcome = job.train(this);
            conclude(outcome);
        } catch (DomainException | IllegalArgumentException e) {
            // The engine's shape errors name the layer and both shapes: worth showing as they are.
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            log.error("Job {} failed", jobId, e);
            fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void onBatch(BatchProgress p) {
        step = p.step();
        long total = (long) job.options().epochs() * p.batches();
        progress = Math.min(1.0, ((p.epoch() - 1L) * p.batches() + p.batch()) / (double) total);
    }

    @Override
    public void onEpoch(EpochMetrics metrics, TrainerCheckpoint checkpoint) {
        JobOptions options = job.options();
        boolean due = metrics.epoch() % options.checkpointEvery() == 0 || metrics.epoch() == options.epochs();
        progress = metrics.epoch() / (double) options.epochs();
        if (!recorder.recordEpoch(jobId, owner, metrics, step, progress, due ? checkpoint : null,
                parameters(job.network()), options.bestMetric())) {
            markLost();
        }
    }

    @Override
    public boolean stopRequested() {
        return cancelled || shuttingDown || lost || (deadline != null && Instant.now().isAfter(deadline));
    }

    private void conclude(TrainingOutcome outcome) {
        if (lost) {
            log.warn("Job {} was taken over by another instance; this run stopped without writing", jobId);
            return;
        }
        boolean written = switch (outcome.status()) {
            case COMPLETED, EARLY_STOPPED ->
                    recorder.finish(jobId, owner, JobStatus.SUCCEEDED, null, parameters(job.network()));
            case DIVERGED -> recorder.finish(jobId, owner, JobStatus.FAILED, divergence(outcome), null);
            case STOPPED -> stopped(outcome);
        };
        if (!written) {
            log.warn("Job {} was no longer owned by this instance when it ended ({})", jobId, outcome.status());
        }
    }

    private boolean stopped(TrainingOutcome outcome) {
        if (cancelled) {
            return recorder.finish(jobId, owner, JobStatus.CANCELLED, null, null);
        }
        if (shuttingDown) {
            log.info("Job {} suspended at epoch {} batch {}; it resumes on the next start", jobId,
                    outcome.checkpoint().epochsCompleted(), outcome.checkpoint().batchesIntoEpoch());
            return recorder.suspend(jobId, owner, outcome.checkpoint());
        }
        return recorder.finish(jobId, owner, JobStatus.FAILED, "The job ran longer than maxRuntimeSeconds ("
                + job.options().maxRuntimeSeconds() + " s since it first started) and was stopped after "
                + outcome.epochsCompleted() + " of " + job.options().epochs()
                + " epochs; the parameters of its last finished epoch are kept.", null);
    }

    private void fail(String error) {
        if (!lost) {
            recorder.finish(jobId, owner, JobStatus.FAILED, error, null);
        }
    }

    private static String divergence(TrainingOutcome outcome) {
        String reason = outcome.reason() == null ? "The loss became NaN or infinite." : outcome.reason();
        return reason.toLowerCase().contains("learning rate") ? reason
                : reason + " Try a lower learning rate (or standardize the features).";
    }

    private static byte[] parameters(Network network) {
        return ParameterCodec.encode(network.exportParameters());
    }

    static Instant deadline(Instant startedAt, Long maxRuntimeSeconds) {
        return maxRuntimeSeconds == null || startedAt == null ? null
                : startedAt.plus(Duration.ofSeconds(maxRuntimeSeconds));
    }
}
