package dev.chainrule.dataset;

import java.util.UUID;

/**
 * Answers whether a queued or running job still needs a dataset, so that deleting it can be
 * refused with 409. Implemented by the job feature; this package only asks.
 */
public interface DatasetUsage {

    boolean inUseByActiveJob(UUID datasetId);
}
