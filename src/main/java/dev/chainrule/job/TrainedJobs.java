package dev.chainrule.job;

import java.util.UUID;

/** How exports, imports and publications reach jobs; implemented by this package. */
public interface TrainedJobs {

    /** @throws dev.chainrule.fault.NotFoundException when there is no such job */
    JobStatus status(UUID jobId);

    /** @throws dev.chainrule.fault.NotFoundException when the tenant has no such job (another's included) */
    void requireOwned(UUID tenant, UUID jobId);

    /**
     * The job's current trained state.
     *
     * @throws dev.chainrule.fault.NotFoundException when there is no such job
     * @throws dev.chainrule.fault.ConflictException while it has no trained parameters yet
     */
    TrainedJob read(UUID jobId);

    /**
     * Stores a finished job of kind {@code imported}; joins the caller's transaction, so a caller that
     * also stores the model commits both or neither.
     *
     * @return the new job's id
     * @throws dev.chainrule.fault.InvalidInputException naming the option at fault by its pointer within
     *         the options ({@code /optimizer/type})
     */
    UUID store(UUID tenant, ImportedJob job);
}
