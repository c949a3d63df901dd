package dev.chainrule.job;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** The feed read straight from the job, history and checkpoint tables: no state of its own. */
@Component
class StoredJobFeed implements JobFeed {

    private final JobRepository jobs;
    private final EpochRecordRepository epochs;
    private final StoredCheckpointRepository checkpoints;

    StoredJobFeed(JobRepository jobs, EpochRecordRepository epochs, StoredCheckpointRepository checkpoints) {
        this.jobs = jobs;
        this.epochs = epochs;
        this.checkpoints = checkpoints;
    }

    @Override
    public Optional<JobFeedState> snapshot(UUID jobId) {
        return jobs.findById(jobId).map(JobFeedState::of);
    }

    @Override
    public boolean belongsTo(UUID jobId, UUID tenant) {
        return jobs.existsByIdAndTenantId(jobId, tenant);
    }

    @Override
    public List<HistoryEntry> epochsAfter(UUID jobId, int afterEpoch, int limit) {
        return epochs.findByJobIdAndEpochGreaterThanOrderByEpoch(jobId, afterEpoch, PageRequest.ofSize(limit))
                .stream().map(HistoryEntry::of).toList();
    }

    @Override
    public List<CheckpointView> checkpointsBetween(UUID jobId, int afterEpoch, int throughEpoch) {
        return checkpoints.findEpochSummaries(jobId, afterEpoch, throughEpoch).stream().map(CheckpointView::of).toList();
    }
}
