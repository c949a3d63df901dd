package dev.chainrule.job;

import java.util.UUID;

/** How predictions get a job's trained model; implemented by this package. */
public interface TrainedModels {

    /** The version of the job's trained parameters, cheap to ask (no parameter decoding). */
    long currentVersion(UUID jobId);

    /**
     * @throws dev.chainrule.fault.NotFoundException when there is no such job
     * @throws dev.chainrule.fault.ConflictException while it has no trained parameters yet
     */
    TrainedModel load(UUID jobId);
}
