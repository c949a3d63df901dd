package dev.chainrule.job;

import java.util.UUID;

/** How a glass-box step reaches a job's state at one of its epochs; implemented by this package. */
public interface JobSnapshots {

    /**
     * The job's preprocessing and options, and its parameters after {@code epoch} (0: the model's
     * initial parameters, null in the answer).
     *
     * @throws dev.chainrule.fault.NotFoundException when there is no such job
     * @throws dev.chainrule.fault.InvalidInputException at {@code /epoch} when no checkpoint of that epoch is kept
     */
    JobSnapshot at(UUID jobId, int epoch);
}
