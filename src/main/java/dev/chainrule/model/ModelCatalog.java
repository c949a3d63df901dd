package dev.chainrule.model;

import java.util.UUID;

/** How jobs read a stored model definition; implemented by this package. */
public interface ModelCatalog {

    /** @throws dev.chainrule.fault.NotFoundException when there is no such model */
    StoredModel get(UUID modelId);

    /** @throws dev.chainrule.fault.NotFoundException when the tenant has no such model (another's included) */
    void requireOwned(UUID tenant, UUID modelId);
}
