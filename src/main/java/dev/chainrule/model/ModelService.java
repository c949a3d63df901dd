package dev.chainrule.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.nn.Loss;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.web.ApiProblem;

/** Stores validated model definitions and reads them back, for the API and for jobs. */
@Service
class ModelService implements ModelCatalog {

    private final ModelRepository repository;
    private final ModelValidator validator;

    ModelService(ModelRepository repository, ModelValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Transactional
    ModelResponse create(ModelRequest request) {
        StoredModel model = validator.validate(request).withId(UUID.randomUUID());
        // The database keeps microseconds; truncating first makes the POST echo equal a later GET.
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        repository.save(new ModelEntity(model.id(), model.name(), model.inputs(), ModelJson.layers(model.layers()),
                model.loss().jsonName(), model.weightInit().jsonName(), model.seed(), model.l2(),
                ModelJson.parameters(model.parameters()), createdAt));
        return ModelResponse.of(model, createdAt, true);
    }

    ModelValidation validate(ModelRequest request) {
        return new ModelValidation(true, ModelResponse.of(validator.validate(request), null, true));
    }

    @Transactional(readOnly = true)
    ModelResponse find(UUID id) {
        ModelEntity entity = entity(id);
        return ModelResponse.of(toStored(entity), entity.createdAt(), true);
    }

    @Transactional(readOnly = true)
    ModelPage list(int page, int size) {
        Page<ModelEntity> found = repository.findAll(
                PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"))));
        return new ModelPage(found.map(e -> ModelResponse.of(toStored(e), e.createdAt(), false)).getContent(),
                page, size, found.getTotalElements(), found.getTotalPages());
    }

    @Override
    @Transactional(readOnly = true)
    public StoredModel get(UUID modelId) {
        return toStored(entity(modelId));
    }

    private ModelEntity entity(UUID id) {
        return repository.findById(id).orElseThrow(() -> ApiProblem.notFound("Model", id));
    }

    private static StoredModel toStored(ModelEntity entity) {
        return new StoredModel(entity.id(), entity.name(), entity.inputs(), ModelJson.layers(entity.layers()),
                Loss.fromJsonName(entity.loss()).orElseThrow(),
                WeightInit.fromJsonName(entity.weightInit()).orElseThrow(), entity.seed(), entity.l2(),
                ModelJson.parameters(entity.parameters()));
    }
}
