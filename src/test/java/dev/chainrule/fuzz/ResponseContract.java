package dev.chainrule.fuzz;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import dev.chainrule.support.ApiOperations.Operation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether an answer is one the OpenAPI document promises for its operation: a documented status, a
 * documented media type, and a JSON body valid against the documented schema (JSON Schema 2020-12,
 * which OpenAPI 3.1 schemas are, with the document's components to resolve references). A
 * discriminator picks the one schema of its oneOf, as OpenAPI means it: the subtypes do not forbid
 * each other's fields, so without it an object could fit several.
 */
final class ResponseContract {

    private final JsonNode components;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getDraft202012());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    ResponseContract(JsonNode document) {
        this.components = discriminatorsAsConditions(document.get("components").deepCopy());
    }

    /** What is wrong with the answer, or empty when it keeps the document's promise. */
    Optional<String> check(Operation op, int status, String contentType, String body) {
        JsonNode response = op.responses().get(String.valueOf(status));
        if (response == null) {
            return Optional.of("undocumented status " + status);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return Optional.empty();
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip();
        JsonNode media = content.get(type);
        if (media == null) {
            return Optional.of("status " + status + " answered " + type + ", documented " + content.propertyNames());
        }
        if (!type.endsWith("json") || !media.has("schema")) {
            return Optional.empty();
        }
        JsonNode document;
        try {
            document = Mutations.JSON.readTree(body);
        } catch (RuntimeException e) {
            return Optional.of("status " + status + " body is not JSON: " + abbreviate(body));
        }
        List<com.networknt.schema.Error> errors = schema(op.name() + " " + status + " " + type, media.get("schema"))
                .validate(document);
        return errors.isEmpty() ? Optional.empty()
                : Optional.of("status " + status + " body breaks the schema: " + errors.subList(0,
                        Math.min(3, errors.size())) + " in " + abbreviate(body));
    }

    private Schema schema(String key, JsonNode schema) {
        return schemas.computeIfAbsent(key, k -> {
            ObjectNode wrapper = (ObjectNode) discriminatorsAsConditions(schema.deepCopy());
            wrapper.set("components", components);
            return registry.getSchema(wrapper);
        });
    }

    /** {@code oneOf} with a discriminator's mapping: if the property names a subtype, then that subtype. */
    private static JsonNode discriminatorsAsConditions(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode mapping = object.path("discriminator").path("mapping");
            if (mapping.isObject() && object.has("oneOf")) {
                String property = object.get("discriminator").get("propertyName").asString();
                ArrayNode conditions = object.has("allOf") ? (ArrayNode) object.get("allOf") : object.arrayNode();
                ArrayNode names = object.arrayNode();
                for (String name : mapping.propertyNames()) {
                    ObjectNode condition = object.objectNode();
                    condition.putObject("if").put("type", "object").putArray("required").add(property);
                    ((ObjectNode) condition.get("if")).putObject("properties").putObject(property).put("const", name);
                    condition.putObject("then").put("$ref", mapping.get(name).asString());
                    conditions.add(condition);
                    names.add(name);
                }
                ObjectNode named = object.objectNode();
                named.putObject("properties").putObject(property).set("enum", names);
                named.putArray("required").add(property);
                conditions.add(named);
                object.remove("oneOf");
                object.remove("discriminator");
                object.set("allOf", conditions);
            }
            for (String name : List.copyOf(object.propertyNames())) {
                object.set(name, discriminatorsAsConditions(object.get(name)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, discriminatorsAsConditions(array.get(i)));
            }
        }
        return node;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
