package dev.chainrule.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a job has stored so far, read back in small increments for those who follow it live (the
 * event streams). Everything comes from the database, so a job training on another instance that
 * shares it is followed alike.
 */
public interface JobFeed {

    /** The job row's current state; empty for an unknown job. */
    Optional<JobFeedState> snapshot(UUID jobId);

    /** Whether the job exists and belongs to {@code tenant}. */
    boolean belongsTo(UUID jobId, UUID tenant);

    /**
     * The epochs after {@code afterEpoch}, in order, at most {@code limit}: each one's history entry
     * with its per-layer telemetry.
     */
    List<FeedEpoch> epochsAfter(UUID jobId, int afterEpoch, int limit);

    /** Epoch-boundary checkpoints with {@code afterEpoch < epoch <= throughEpoch}, in order. */
    List<CheckpointView> checkpointsBetween(UUID jobId, int afterEpoch, int throughEpoch);
}
