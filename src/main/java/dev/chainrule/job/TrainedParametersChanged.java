package dev.chainrule.job;

import java.util.UUID;

/** Published after the commit that replaced a job's trained parameters (a new version). */
public record TrainedParametersChanged(UUID jobId) {
}
