package dev.chainrule.model;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.NotFoundException;

/** The stored definitions as jobs read them. */
@Component
class StoredModelCatalog implements ModelCatalog {

    private final ModelRepository repository;

    StoredModelCatalog(ModelRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional(readOnly = true)
    public StoredModel get(UUID modelId) {
        return repository.findById(modelId).orElseThrow(() -> new NotFoundException("Model", modelId)).toStoredModel();
    }

    @Override
    @Transactional(readOnly = true)
    public void requireOwned(UUID tenant, UUID modelId) {
        if (!repository.existsByIdAndTenantId(modelId, tenant)) {
            throw new NotFoundException("Model", modelId);
        }
    }
}
