package dev.chainrule.events;

import java.util.List;

import dev.chainrule.job.CheckpointView;
import dev.chainrule.job.FeedEpoch;
import dev.chainrule.job.JobFeedState;

/**
 * What one poll read for one job, shared by all of its streams: the job row (read first, so that
 * every epoch it counts is already visible below), the epochs after the slowest stream's cursor,
 * each with its per-layer telemetry ({@code truncated} when the replay batch cut them short), and
 * the epoch checkpoints in the range the streams still need.
 */
record JobTick(JobFeedState job, List<FeedEpoch> epochs, boolean truncated, List<CheckpointView> checkpoints) {
}
