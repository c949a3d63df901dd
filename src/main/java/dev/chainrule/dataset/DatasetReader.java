package dev.chainrule.dataset;

import java.util.UUID;

/** How other features (jobs, predictions) read a stored dataset; implemented by this package. */
public interface DatasetReader {

    /** @throws dev.chainrule.fault.NotFoundException when there is no such dataset */
    DatasetData read(UUID datasetId);

    /** Rows {@code [offset, offset+limit)} only, for paged scoring of large datasets. */
    DatasetData read(UUID datasetId, int offset, int limit);

    /** @throws dev.chainrule.fault.NotFoundException when the tenant has no such dataset (another's included) */
    void requireOwned(UUID tenant, UUID datasetId);
}
