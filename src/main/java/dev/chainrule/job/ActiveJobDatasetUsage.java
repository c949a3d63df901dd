package dev.chainrule.job;

import java.util.EnumSet;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.chainrule.dataset.DatasetUsage;

/** A dataset is in use while a job that trains on it is queued or running. */
@Component
class ActiveJobDatasetUsage implements DatasetUsage {

    private final JobRepository jobs;

    ActiveJobDatasetUsage(JobRepository jobs) {
        this.jobs = jobs;
    }

    @Override
    public boolean inUseByActiveJob(UUID datasetId) {
        return jobs.existsByDatasetIdAndStatusIn(datasetId, EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING));
    }
}
