package dev.chainrule.model;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.JsonReadFaults;
import dev.chainrule.fault.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Model definitions as JSON documents, for what carries a model in and out of the service (a portable
 * bundle): the same rules and the same stored form as {@code POST /api/v1/models}.
 */
@Component
public class ModelDefinitions {

    private final ModelValidator validator;
    private final ModelService service;
    private final ModelCatalog catalog;
    private final JsonMapper json;

    ModelDefinitions(ModelValidator validator, ModelService service, ModelCatalog catalog, JsonMapper json) {
        this.validator = validator;
        this.service = service;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * Checks a definition in the form {@code POST /api/v1/models} takes, explicit parameters included.
     *
     * @return the definition with its defaults resolved (no id yet)
     * @throws InvalidInputException naming every fault by its pointer within {@code definition}
     */
    public StoredModel validate(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw invalid("", "A model definition must be a JSON object.");
        }
        ModelRequest request;
        try {
            request = json.treeToValue(definition, ModelRequest.class);
        } catch (JacksonException e) {
            throw invalid(JsonReadFaults.of(e, "Unreadable model definition: "));
        }
        return validator.validate(request);
    }

    /** Stores a definition that {@link #validate} returned, under a new id. */
    @Transactional
    public ModelResponse store(UUID tenant, StoredModel validated) {
        return service.store(tenant, validated);
    }

    /**
     * A stored model's definition as {@code POST /api/v1/models} takes it: without its id, creation time
     * and explicit initial parameters.
     *
     * @throws NotFoundException when there is no such model
     */
    public ObjectNode definition(UUID modelId) {
        ObjectNode definition = json.valueToTree(ModelResponse.of(catalog.get(modelId), null, false));
        definition.remove(List.of("id", "createdAt", "parameterCount", "parameters"));
        return definition;
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return invalid(Fault.atPointer(pointer, message));
    }

    private static InvalidInputException invalid(Fault fault) {
        return new InvalidInputException("invalid-model", "Invalid model definition", fault.message(), List.of(fault));
    }
}
