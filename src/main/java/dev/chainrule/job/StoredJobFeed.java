package dev.chainrule.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import dev.chainrule.diagnosis.LayerTelemetryView;

/** The feed read straight from the job, history and checkpoint tables: no state of its own. */
@Component
class StoredJobFeed implements JobFeed {

    private final JobRepository jobs;
    private final EpochRecordRepository epochs;
    private final StoredCheckpointRepository checkpoints;
    private final LayerTelemetryRepository telemetry;

    StoredJobFeed(JobRepository jobs, EpochRecordRepository epochs, StoredCheckpointRepository checkpoints,
            LayerTelemetryRepository telemetry) {
        this.jobs = jobs;
        this.epochs = epochs;
        this.checkpoints = checkpoints;
        this.telemetry = telemetry;
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
    public List<FeedEpoch> epochsAfter(UUID jobId, int afterEpoch, int limit) {
        List<HistoryEntry> history = epochs.findByJobIdAndEpochGreaterThanOrderByEpoch(jobId, afterEpoch,
                PageRequest.ofSize(limit)).stream().map(HistoryEntry::of).toList();
        if (history.isEmpty()) {
            return List.of();
        }
        // Written in the epoch's own transaction, so every epoch read above has all of its rows.
        Map<Integer, List<LayerTelemetryView>> layers = telemetry
                .findBetween(jobId, afterEpoch, history.get(history.size() - 1).epoch()).stream()
                .map(LayerTelemetryRecord::toView)
                .collect(Collectors.groupingBy(LayerTelemetryView::epoch));
        return history.stream().map(h -> new FeedEpoch(h, layers.getOrDefault(h.epoch(), List.of()))).toList();
    }

    @Override
    public List<CheckpointView> checkpointsBetween(UUID jobId, int afterEpoch, int throughEpoch) {
        return checkpoints.findEpochSummaries(jobId, afterEpoch, throughEpoch).stream().map(CheckpointView::of).toList();
    }
}
