package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.chainrule.support.ApiClient;

/**
 * An unknown field anywhere in any JSON request body is a 400 naming its JSON pointer and the known
 * fields. The request bodies are enumerated from the live API document, so a request type added
 * later is covered without touching this test: each operation's example is sent with an unknown field
 * added, in turn, to every object the document declares with fixed properties.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrictBodiesTest {

    private static final String UNKNOWN = "zzUnknown";
    private static final String BUNDLE_IMPORT = "/api/v1/models/import";
    private static final List<String> LATE_READ_BUNDLE_PARTS = List.of("/model/", "/parameters/", "/training/");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private JsonNode document;

    @Test
    void anUnknownFieldInAnyObjectOfAnyJsonBodyIsRefusedByItsPointer() throws Exception {
        document = JSON.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        List<String> checked = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode media = operation.getValue().path("requestBody").path("content").path("application/json");
                if (media.isMissingNode()) {
                    continue;
                }
                JsonNode example = example(media);
                assertThat(example).as("%s %s has an example", operation.getKey(), path.getKey()).isNotNull();
                for (String pointer : objectPointers(example, media.get("schema"), "")) {
                    String url = path.getKey().replace("{id}", UUID.randomUUID().toString())
                            .replace("{name}", "iris").replace("{version}", "1");
                    ObjectNode body = (ObjectNode) example.deepCopy();
                    ((ObjectNode) body.at(pointer)).put(UNKNOWN, 1);
                    expectRefused(HttpMethod.valueOf(operation.getKey().toUpperCase()), url, body, pointer + "/" + UNKNOWN);
                    checked.add(operation.getKey() + " " + path.getKey() + " " + pointer);
                }
            }
        }
        // The bodies of today, as a floor: models, validate, import, jobs, predictions, publish, KServe infer (x2).
        assertThat(checked).anyMatch(c -> c.startsWith("post /api/v1/jobs /optimizer"))
                .anyMatch(c -> c.startsWith("post /api/v1/models /layers/0"))
                .anyMatch(c -> c.startsWith("post /api/v1/models/import "))
                .anyMatch(c -> c.startsWith("post /api/v1/jobs/{id}/predictions "))
                .anyMatch(c -> c.startsWith("post /api/v1/jobs/{id}/publish "))
                .anyMatch(c -> c.startsWith("post /v2/models/{name}/infer /inputs/0"));
    }

    @Test
    void aMisspelledOptimizerFieldNamesTheOptimizersFields() throws Exception {
        MockHttpServletResponse response = send(HttpMethod.POST, "/api/v1/jobs", JSON.readTree("""
                {"modelId": "%s", "datasetId": "%s", "optimizer": {"type": "sgd", "momentun": 0.9}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID())));

        JsonNode problem = problem(response, "/optimizer/momentun");
        assertThat(problem.path("errors").get(0).path("message").asString())
                .isEqualTo("'momentun' does not apply to 'sgd', whose fields are type, learningRate, momentum, "
                        + "nesterov and weightDecay.");
    }

    @Test
    void aMisspelledLayerFieldAndAMisspelledTopLevelFieldAreNamed() throws Exception {
        JsonNode layer = problem(send(HttpMethod.POST, "/api/v1/models", JSON.readTree("""
                {"name": "m", "layers": [{"type": "dense", "unitz": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}""")), "/layers/0/unitz");
        assertThat(layer.path("detail").asString()).startsWith("Unknown field 'unitz'; the known fields are ")
                .contains("units");

        JsonNode job = problem(send(HttpMethod.POST, "/api/v1/jobs", JSON.readTree("""
                {"modelId": "%s", "datasetId": "%s", "sampleWeights": {"a": 2}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()))), "/sampleWeights");
        assertThat(job.path("detail").asString()).contains("validationSplit").contains("optimizer");
    }

    private void expectRefused(HttpMethod method, String url, JsonNode body, String pointer) throws Exception {
        MockHttpServletResponse response = send(method, url, body);
        String where = method + " " + url + " with " + pointer;
        if (url.equals(BUNDLE_IMPORT) && LATE_READ_BUNDLE_PARTS.stream().anyMatch(pointer::startsWith)) {
            // These parts of a bundle are read as documents of their own and judged together: every fault of
            // the bundle, an unknown field among them, is listed in one 422 at its pointer.
            assertThat(response.getStatus()).as(where + ": " + response.getContentAsString()).isEqualTo(422);
            JsonNode problem = JSON.readTree(response.getContentAsString());
            assertThat(problem.path("errors").findValuesAsString("pointer")).as(where).contains(pointer);
            assertThat(problem.path("errors").toString()).contains("known fields");
            return;
        }
        assertThat(response.getStatus()).as(where + ": " + response.getContentAsString()).isEqualTo(400);
        if (url.startsWith("/v2/")) {
            // KServe's own error form: {"error": "..."}, no pointer member.
            assertThat(JSON.readTree(response.getContentAsString()).path("error").asString()).as(where)
                    .contains(pointer).contains(UNKNOWN);
        } else {
            problem(response, pointer);
        }
    }

    private JsonNode problem(MockHttpServletResponse response, String pointer) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/unknown-field");
        assertThat(problem.path("errors").get(0).path("pointer").asString()).isEqualTo(pointer);
        assertThat(problem.path("errors").get(0).path("message").asString()).containsAnyOf("known fields", "whose fields");
        return problem;
    }

    private MockHttpServletResponse send(HttpMethod method, String url, JsonNode body) throws Exception {
        return mvc.perform(request(method, url).contentType(MediaType.APPLICATION_JSON)
                .header("Authorization", "Bearer " + ApiClient.ADMIN_KEY).accept(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode example(JsonNode media) {
        JsonNode example = media.path("example");
        if (example.isMissingNode()) {
            example = resolve(media.get("schema")).path("example");
        }
        if (example.isString()) {
            example = JSON.readTree(example.asString());
        }
        return example.isMissingNode() ? null : example;
    }

    /** Pointers to every object in {@code value} that the document declares with fixed properties (not a map). */
    private List<String> objectPointers(JsonNode value, JsonNode schema, String at) {
        List<String> pointers = new ArrayList<>();
        JsonNode resolved = resolve(schema);
        if (value instanceof ObjectNode object) {
            ObjectNode properties = properties(schema, object);
            if (!properties.isEmpty()) {
                pointers.add(at);
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    JsonNode property = properties.path(field.getKey());
                    if (!property.isMissingNode()) {
                        pointers.addAll(objectPointers(field.getValue(), property, at + "/" + field.getKey()));
                    }
                }
            }
        } else if (value instanceof ArrayNode array && resolved.has("items")) {
            for (int i = 0; i < array.size(); i++) {
                pointers.addAll(objectPointers(array.get(i), resolved.get("items"), at + "/" + i));
            }
        }
        return pointers;
    }

    /**
     * The declared properties of {@code object}: its schema's own, those of its {@code allOf} parts, and of
     * the {@code oneOf} branch that its discriminating field names. Empty for a free-form map.
     */
    private ObjectNode properties(JsonNode schema, ObjectNode object) {
        JsonNode resolved = resolve(schema);
        ObjectNode properties = JSON.createObjectNode();
        if (resolved.has("properties")) {
            properties.setAll((ObjectNode) resolved.get("properties"));
        }
        for (JsonNode part : resolved.path("allOf")) {
            properties.setAll(properties(part, object));
        }
        for (JsonNode branch : resolved.path("oneOf")) {
            if (named(branch, object)) {
                properties.setAll(properties(branch, object));
            }
        }
        return properties;
    }

    /** Whether the discriminator of {@code branch}'s parent maps {@code object}'s type to {@code branch}. */
    private boolean named(JsonNode branch, ObjectNode object) {
        for (JsonNode part : resolve(branch).path("allOf")) {
            JsonNode discriminator = resolve(part).path("discriminator");
            String type = object.path(discriminator.path("propertyName").asString("")).asString("");
            if (!type.isEmpty() && discriminator.path("mapping").path(type).asString("").equals(branch.path("$ref")
                    .asString())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return JSON.createObjectNode();
        }
        String ref = schema.isString() ? schema.asString() : schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return resolve(document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1)));
    }
}
