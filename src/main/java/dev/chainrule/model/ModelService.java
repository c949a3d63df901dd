package dev.chainrule.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.NotFoundException;

/** Validates, stores and lists model definitions for the API. */
@Service
class ModelService {

    private final ModelRepository repository;
    private final ModelValidator validator;

    ModelService(ModelRepository repository, ModelValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Transactional
    ModelResponse create(UUID tenant, ModelRequest request) {
        return store(tenant, validator.validate(request));
    }

    /** Stores a validated definition under a new id. */
    @Transactional
    ModelResponse store(UUID tenant, StoredModel validated) {
        StoredModel model = validated.withId(UUID.randomUUID());
        // The database keeps microseconds; truncating first makes the POST echo equal a later GET.
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        repository.save(ModelEntity.of(model, createdAt).ownedBy(tenant));
        return ModelResponse.of(model, createdAt, true);
    }

    ModelValidation validate(ModelRequest request) {
        return new ModelValidation(true, ModelResponse.of(validator.validate(request), null, true));
    }

    @Transactional(readOnly = true)
    ModelResponse find(UUID tenant, UUID id) {
        ModelEntity entity = repository.findByIdAndTenantId(id, tenant).orElseThrow(() -> new NotFoundException("Model", id));
        return ModelResponse.of(entity.toStoredModel(), entity.createdAt(), true);
    }

    /** Newest first, without explicit parameters. */
    @Transactional(readOnly = true)
    Page<ModelResponse> list(UUID tenant, Pageable page) {
        return repository.findByTenantId(tenant, PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))))
                .map(e -> ModelResponse.of(e.toStoredModel(), e.createdAt(), false));
    }
}
