package dev.chainrule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * {@code openapi/openapi.yaml} (kept equal to the live document by {@link OpenApiDocumentTest}) is a
 * valid OpenAPI document that a client generator can use as it is.
 */
class OpenApiContractTest {

    private static final Path DOCUMENT = Path.of("openapi", "openapi.yaml");

    private static SwaggerParseResult parsed;
    private static OpenAPI api;

    @BeforeAll
    static void parse() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        parsed = new OpenAPIV3Parser().readContents(Files.readString(DOCUMENT), null, options);
        api = parsed.getOpenAPI();
    }

    @Test
    void theParserFindsNoError() {
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getPaths()).isNotEmpty();
    }

    @Test
    void everyOperationHasAUniqueIdAClientCanUseAsAMethodName() {
        Set<String> seen = new HashSet<>();
        forEachOperation((where, operation) -> {
            assertThat(operation.getOperationId()).as(where).matches("[a-z][A-Za-z0-9]*").doesNotContain("_");
            assertThat(seen.add(operation.getOperationId())).as("%s: %s is unique", where, operation.getOperationId())
                    .isTrue();
        });
    }

    @Test
    void everyRequestBodyHasAnExample() {
        forEachOperation((where, operation) -> {
            if (operation.getRequestBody() == null) {
                return;
            }
            operation.getRequestBody().getContent().forEach((type, media) ->
                    assertThat(hasExample(media)).as("%s %s has an example", where, type).isTrue());
        });
    }

    @Test
    void everyResponseNamesARealContentTypeAndEveryErrorOfTheApiIsAProblem() {
        forEachOperation((where, operation) -> operation.getResponses().forEach((code, response) -> {
            if (response.getContent() != null) {
                assertThat(response.getContent().keySet()).as("%s %s", where, code).doesNotContain("*/*");
            }
            if (code.startsWith("4") && where.contains(" /api/")) {
                assertThat(response.getContent()).as("%s %s", where, code).containsOnlyKeys("application/problem+json");
                assertThat(response.getContent().get("application/problem+json").getSchema().get$ref())
                        .isEqualTo("#/components/schemas/Problem");
            }
        }));
    }

    @Test
    void creatingAnswersWithItsRealStatusAndLocation() {
        assertThat(operation("post", "/api/v1/jobs").getResponses()).containsKey("202").doesNotContainKey("200");
        assertThat(operation("post", "/api/v1/jobs").getResponses().get("202").getHeaders()).containsKey("Location");
        for (String path : List.of("/api/v1/models", "/api/v1/datasets", "/api/v1/models/import",
                "/api/v1/jobs/{id}/publish")) {
            assertThat(operation("post", path).getResponses()).as(path).containsKey("201").doesNotContainKey("200");
            assertThat(operation("post", path).getResponses().get("201").getHeaders()).as(path).containsKey("Location");
        }
        assertThat(operation("delete", "/api/v1/datasets/{id}").getResponses()).containsKey("204")
                .doesNotContainKey("200");
    }

    @Test
    void theProblemSchemaHasTheLocatedErrorsThatProblemHandlerWrites() {
        Schema<?> error = api.getComponents().getSchemas().get("ProblemError");
        assertThat(error.getProperties()).containsOnlyKeys(
                List.of(ProblemError.class.getRecordComponents()).stream().map(c -> c.getName()).toArray(String[]::new));
        assertThat(api.getComponents().getSchemas().get("Problem").getProperties())
                .containsKeys("type", "title", "status", "detail", "errors");
    }

    @Test
    void fieldsThatAreNullInRealAnswersAreNullableAndDefaultsAreNumbers() {
        Map<String, Schema> job = api.getComponents().getSchemas().get("JobView").getProperties();
        for (String field : List.of("error", "finishedAt", "startedAt", "samplesPerSecond", "datasetId")) {
            assertThat(job.get(field).getTypes()).as(field).contains("null");
        }
        Object split = ((Schema<?>) api.getComponents().getSchemas().get("CreateJobRequest").getProperties()
                .get("validationSplit")).getDefault();
        assertThat(split).isInstanceOf(Number.class);
        assertThat(((Number) split).doubleValue()).isEqualTo(0.2);
    }

    private static boolean hasExample(MediaType media) {
        if (media.getExample() != null || media.getExamples() != null) {
            return true;
        }
        Schema<?> schema = media.getSchema();
        if (schema != null && schema.get$ref() != null) {
            schema = api.getComponents().getSchemas().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        return schema != null && (schema.getExample() != null || schema.getProperties() != null
                && schema.getProperties().values().stream().allMatch(p -> p.getExample() != null));
    }

    private static Operation operation(String method, String path) {
        Operation operation = api.getPaths().get(path).readOperationsMap().entrySet().stream()
                .filter(e -> e.getKey().name().equalsIgnoreCase(method)).map(Map.Entry::getValue).findFirst().orElse(null);
        assertThat(operation).as("%s %s", method, path).isNotNull();
        return operation;
    }

    private static void forEachOperation(java.util.function.BiConsumer<String, Operation> check) {
        List<Runnable> checks = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                checks.add(() -> check.accept(method + " " + path, operation))));
        assertThat(checks).isNotEmpty();
        checks.forEach(Runnable::run);
    }
}
