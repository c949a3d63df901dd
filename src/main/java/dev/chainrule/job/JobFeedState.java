package dev.chainrule.job;

import java.util.UUID;

/**
 * A job row at one moment, as its followers see it: {@code epoch} epochs finished, {@code step}
 * batches done in all, and {@code progress} (0 to 1) as of the last heartbeat or epoch.
 */
public record JobFeedState(UUID id, JobStatus status, int epoch, int epochs, long step, double progress,
        Double samplesPerSecond, MetricsView metrics, String error) {

    static JobFeedState of(Job job) {
        return new JobFeedState(job.id(), job.status(), job.epoch(), job.epochs(), job.step(), job.progress(),
                job.samplesPerSecond(), MetricsView.of(job.metrics()), job.error());
    }
}
