package dev.chainrule.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.chainrule.fault.DomainException;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.ParameterCodec;
import dev.chainrule.nn.train.BatchProgress;
import dev.chainrule.nn.train.ConfusionMatrix;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.LayerTelemetry;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.TrainingOutcome;

/**
 * One claimed job trained on this instance, start to end: prepares its inputs, runs the trainer
 * with itself as the listener, records every finished epoch (with a checkpoint when one is due),
 * and turns the way training ended into the job's next state. Stop requests (cancel, shutdown, loss
 * of the job, runtime limit) arrive from other threads and take effect at the next batch.
 */
final class JobExecution implements TrainingListener {

    private static final Logger log = LoggerFactory.getLogger(JobExecution.class);

    private final UUID jobId;
    private final String owner;
    private final JobPreparer preparer;
    private final Trainer trainer;
    private final JobRecorder recorder;
    private volatile boolean cancelled;
    private volatile boolean shuttingDown;
    private volatile boolean lost;
    private volatile long step;
    private volatile double progress;
    /** The step last written for followers; read and written by the runner's scheduler thread only. */
    private long reportedStep;
    private PreparedJob job;

    JobExecution(UUID jobId, String owner, JobPreparer preparer, Trainer trainer, JobRecorder recorder) {
        this.jobId = jobId;
        this.owner = owner;
        this.preparer = preparer;
        this.trainer = trainer;
        this.recorder = recorder;
    }

    UUID jobId() {
        return jobId;
    }

    long step() {
        return step;
    }

    long reportedStep() {
        return reportedStep;
    }

    void reported(long step) {
        reportedStep = step;
    }

    double progress() {
        return progress;
    }

    /** The job was cancelled (its row already says so): stop without writing anything more. */
    void cancel() {
        cancelled = true;
    }

    /** The service is stopping: stop, keep where training is, and hand the job back to the queue. */
    void shutDown() {
        shuttingDown = true;
    }

    /** The job is no longer this instance's to write (cancelled elsewhere, or taken over). */
    void markLost() {
        lost = true;
    }

    /** Prepares and trains; never throws (a failure becomes the job's FAILED state). */
    void run() {
        try {
            job = preparer.prepare(jobId);
            TrainingOutcome outcome = trainer.train(job.network(), job.train(), job.validation(),
                    job.trainingConfig(), this, job.resumeFrom(), job.warmStart());
            conclude(outcome);
        } catch (DomainException | IllegalArgumentException e) {
            // The engine's shape errors name the layer and both shapes: worth showing as they are.
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (RuntimeException e) {
            if (ended()) {
                // e.g. a cancelled job's dataset deleted while its rows were still being read
                log.info("Job {} had already ended elsewhere when its run here failed: {}", jobId, e.toString());
                return;
            }
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
    public boolean wantsLayerTelemetry() {
        return job.options().recordsTelemetry();
    }

    @Override
    public void onEpoch(EpochMetrics metrics, List<LayerTelemetry> layers, Supplier<TrainerCheckpoint> checkpoint) {
        JobOptions options = job.options();
        progress = metrics.epoch() / (double) options.epochs();
        TrainerCheckpoint dueCheckpoint = checkpointDue(metrics.epoch()) ? checkpoint.get() : null;
        if (!recorder.recordEpoch(jobId, owner, metrics, layers, step, progress, dueCheckpoint, parameters(job.network()),
                options.bestMetric())) {
            markLost();
        }
    }

    @Override
    public boolean stopRequested() {
        return ended() || shuttingDown || (job.deadline() != null && Instant.now().isAfter(job.deadline()));
    }

    /** Every {@code checkpointEvery} epochs, and after the last. */
    private boolean checkpointDue(int epoch) {
        return epoch % job.options().checkpointEvery() == 0 || epoch == job.options().epochs();
    }

    /** Whether the job's row has moved on without this run (cancelled or taken over). */
    private boolean ended() {
        return cancelled || lost;
    }

    private void conclude(TrainingOutcome outcome) {
        if (ended()) {
            log.info("Job {} stopped after {} epochs: {}", jobId, outcome.epochsCompleted(),
                    cancelled ? "it was cancelled" : "it is no longer this instance's");
            return;
        }
        boolean written = switch (outcome.status()) {
            case COMPLETED, EARLY_STOPPED -> evaluated() &&
                    recorder.finish(jobId, owner, JobStatus.SUCCEEDED, null, parameters(job.network()));
            case DIVERGED -> recorder.finish(jobId, owner, JobStatus.FAILED, divergence(outcome), null);
            case STOPPED -> stopped(outcome);
        };
        if (!written) {
            log.warn("Job {} was no longer running under this instance when it ended ({})", jobId, outcome.status());
        }
    }

    /** A classification job's confusion matrix on its validation rows, recorded before it is marked succeeded. */
    private boolean evaluated() {
        LabeledData validation = job.validation();
        if (validation != null && validation.classIndices() != null) {
            double[][] outputs = job.network().predict(validation.features()).toDoubleMatrix();
            int classes = outputs[0].length == 1 ? 2 : outputs[0].length;
            recorder.recordEvaluation(jobId, ConfusionMatrix.of(validation.classIndices(),
                    ConfusionMatrix.predictedClasses(outputs), classes));
        }
        return true;
    }

    private boolean stopped(TrainingOutcome outcome) {
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
        if (!ended()) {
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
}
