package dev.chainrule.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The operations of the live OpenAPI document ({@code /v3/api-docs}), as tests enumerate them: each
 * with its path template, its parameters and an example request body taken from the document.
 */
public final class ApiOperations {

    /** One operation; {@code contentTypes} lists the body's media types, empty without a body. */
    public record Operation(String method, String path, List<JsonNode> parameters, List<String> contentTypes,
            JsonNode requestSchema, JsonNode exampleBody, JsonNode responses) {

        public String name() {
            return method + " " + path;
        }

        public boolean hasPathParameter() {
            return path.contains("{");
        }

        /** The path with each {@code {name}} replaced by the value {@code values} gives for it. */
        public String concrete(Map<String, String> values) {
            String concrete = path;
            for (Map.Entry<String, String> value : values.entrySet()) {
                if (value.getValue() != null) {
                    concrete = concrete.replace("{" + value.getKey() + "}", value.getValue());
                }
            }
            return concrete;
        }

        public List<JsonNode> query() {
            return parameters.stream().filter(p -> "query".equals(p.path("in").asString())).toList();
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    public ApiOperations(JsonNode document) {
        this.document = document;
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                List<JsonNode> parameters = new ArrayList<>();
                op.path("parameters").forEach(parameters::add);
                List<String> types = new ArrayList<>();
                JsonNode content = op.path("requestBody").path("content");
                content.propertyNames().forEach(types::add);
                JsonNode schema = types.isEmpty() ? null : resolve(content.get(types.get(0)).path("schema"));
                JsonNode example = types.isEmpty() ? null : example(content.get(types.get(0)));
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, types, schema,
                        example, op.path("responses")));
            }
        }
    }

    public static ApiOperations of(ApiClient client) {
        return new ApiOperations(client.withoutKey().get("/v3/api-docs").expect(200).json());
    }

    public List<Operation> all() {
        return operations;
    }

    public JsonNode document() {
        return document;
    }

    /** A {@code $ref} followed to its schema; anything else as it is. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode at = schema;
        for (int hops = 0; at != null && at.has("$ref") && hops < 20; hops++) {
            String ref = at.get("$ref").asString();
            at = document.at(ref.substring(1));
        }
        return at;
    }

    private JsonNode example(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return mediaType.get("example");
        }
        JsonNode schema = resolve(mediaType.path("schema"));
        return schema == null || !schema.has("example") ? null : schema.get("example");
    }
}
