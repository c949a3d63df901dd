package dev.chainrule.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springdoc.core.customizers.OpenApiCustomizer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Completes the document with what every operation shares, so that the controllers declare only what
 * is theirs (their success status, and the refusals of their domain: 409, 413, 422 ...):
 * <ul>
 * <li>every error answer of the native API is a {@code Problem} ({@link ProblemHandler}), of KServe v2
 * a {@code KServeError};</li>
 * <li>the errors any operation of its shape can meet: 400 for a body or parameters, 404 for a path
 * with an id, 406 for an {@code Accept} it cannot answer, 415 for a body of another type;</li>
 * <li>{@code Location} on 201 and 202, JSON instead of springdoc's {@code *}{@code /*}, a plain
 * string for a CSV answer, named multipart forms;</li>
 * <li>numeric defaults as numbers ({@code @Schema(defaultValue)} is a string), and the discriminator
 * on fields that hold one of several subtypes.</li>
 * </ul>
 */
class ContractDocument implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String KSERVE_ERROR = "KServeError";
    private static final String JSON = "application/json";
    private static final String ANY = "*/*";
    private static final String CSV = "text/csv";
    private static final String MULTIPART = "multipart/form-data";

    private static final Map<String, String> SHARED_ERRORS = Map.of(
            "400", "Malformed request: the body cannot be read (not JSON, an unknown field, a value of the wrong "
                    + "type) or a parameter is invalid; errors[] names each by pointer or field",
            "401", "No API key, or one that is unknown, revoked or expired (WWW-Authenticate: Bearer)",
            "403", "The key's role may not call this operation: it needs an admin key",
            "404", "No such resource",
            "406", "The Accept header names no type this operation answers",
            "415", "The Content-Type is not one this operation reads",
            "422", "The body is readable but breaks a rule; errors[] names each fault by JSON pointer",
            "429", "The tenant's quota requestsPerMinute (creating a job: maxActiveJobs) is used up; Retry-After "
                    + "says in how many seconds to try again");

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problem()).addSchemas("ProblemError", problemError())
                .addSchemas(KSERVE_ERROR, new Schema<>().type("object")
                        .description("An error of the Open Inference Protocol").addProperty("error", new StringSchema())
                        .required(List.of("error")));
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemas.values().forEach(schema -> forEachSchema(schema, nested -> {
            numericDefault(nested);
            discriminated(nested, schemas);
        }));
        api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            namedForms(api, operation);
            jsonBodyFirst(operation);
            jsonInsteadOfAny(operation);
            locations(operation);
            if (path.startsWith("/v2")) {
                kserveErrors(path, operation);
            } else {
                problems(path, operation);
            }
            operation.setResponses(sorted(operation.getResponses()));
        }));
    }

    private static void problems(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null || hasParameters(operation)) {
            shared(responses, "400");
        }
        shared(responses, "401");
        if (path.startsWith("/api/v1/tenants") || path.startsWith("/api/v1/keys")) {
            shared(responses, "403");
        }
        if (path.contains("{")) {
            shared(responses, "404");
        }
        shared(responses, "406");
        if (operation.getRequestBody() != null) {
            shared(responses, "415");
            shared(responses, "422");
        }
        shared(responses, "429");
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON, reference(PROBLEM)));
            }
        });
    }

    /** The protocol answers {@code {"error": "…"}}: 400 for what it cannot use, 404 for an unknown model. */
    private static void kserveErrors(String path, Operation operation) {
        ApiResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null) {
            responses.computeIfAbsent("400", c -> new ApiResponse().description("The request cannot be used"));
        }
        if (path.contains("{name}")) {
            responses.computeIfAbsent("404", c -> new ApiResponse().description("No model published under this name "
                    + "(or no such version)"));
            responses.computeIfAbsent("503", c -> new ApiResponse().description("The model store is not available"));
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(new Content().addMediaType(JSON, reference(KSERVE_ERROR)));
            }
        });
        // The security layer answers before the protocol's controller, as problems: a refused URL (400),
        // a missing or bad key (401), the rate limit (429).
        shared(responses, "401");
        responses.get("401").setContent(new Content().addMediaType(PROBLEM_JSON, reference(PROBLEM)));
        if (responses.get("400") == null) {
            responses.addApiResponse("400", new ApiResponse().description("The request cannot be used")
                    .content(new Content().addMediaType(JSON, reference(KSERVE_ERROR))));
        }
        responses.get("400").getContent().addMediaType(PROBLEM_JSON, reference(PROBLEM));
        if (!path.startsWith("/v2/health")) {
            shared(responses, "429");
            responses.get("429").setContent(new Content().addMediaType(PROBLEM_JSON, reference(PROBLEM)));
        }
    }

    /**
     * A multipart form's schema becomes a component ({@code uploadDataset}: {@code UploadDatasetForm}):
     * client generators name an inline one but may not write it.
     */
    private static void namedForms(OpenAPI api, Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        MediaType form = operation.getRequestBody().getContent().get(MULTIPART);
        if (form != null && form.getSchema() != null && form.getSchema().get$ref() == null) {
            String id = operation.getOperationId();
            String name = Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Form";
            api.getComponents().addSchemas(name, form.getSchema());
            form.setSchema(new Schema<>().$ref("#/components/schemas/" + name));
        }
    }

    /** A client generator takes the first type of a body that has several: JSON, where there is JSON. */
    private static void jsonBodyFirst(Operation operation) {
        Content content = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
        if (content != null && content.containsKey(JSON)) {
            Content ordered = new Content().addMediaType(JSON, content.get(JSON));
            content.forEach(ordered::putIfAbsent);
            operation.getRequestBody().setContent(ordered);
        }
    }

    private static void shared(ApiResponses responses, String code) {
        responses.computeIfAbsent(code, c -> new ApiResponse().description(SHARED_ERRORS.get(c)));
    }

    private static boolean hasParameters(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && !parameters.isEmpty();
    }

    private static void jsonInsteadOfAny(Operation operation) {
        operation.getResponses().values().forEach(response -> {
            Content content = response.getContent();
            if (content != null && content.containsKey(ANY)) {
                MediaType media = content.remove(ANY);
                content.addMediaType(JSON, media);
            }
            if (content != null && content.containsKey(CSV)) {
                content.addMediaType(CSV, new MediaType().schema(new StringSchema()
                        .description("A header row, then one line per row")));
            }
        });
    }

    private static void locations(Operation operation) {
        operation.getResponses().forEach((code, response) -> {
            if (code.equals("201") || code.equals("202")) {
                response.addHeaderObject("Location", new Header()
                        .description(code.equals("201") ? "Where the created resource is read"
                                : "Where the accepted job is followed")
                        .schema(new StringSchema().format("uri-reference")));
            }
        });
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        return ordered;
    }

    private static MediaType reference(String schema) {
        return new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema));
    }

    /** What {@link ProblemHandler} writes: RFC 9457 members and the {@code errors} it adds. */
    private static Schema<?> problem() {
        return new Schema<>().type("object").description("An RFC 9457 problem (application/problem+json)")
                .addProperty("type", new StringSchema().format("uri-reference")
                        .description("Identifies the kind of problem, e.g. /problems/unknown-field"))
                .addProperty("title", new StringSchema().description("Short summary of the kind"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, in this case"))
                .addProperty("instance", new StringSchema().format("uri-reference")
                        .description("The request path, where set"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemError"))
                        .description("Every fault, located; absent when the problem has no single location"))
                .required(List.of("type", "title", "status"));
    }

    /** {@link ProblemError}: exactly the locators that apply are present. */
    private static Schema<?> problemError() {
        return new Schema<>().type("object")
                .description("One fault: a JSON pointer into the request body, a query or form field, and/or the "
                        + "row and column of a CSV (data rows count from 1; row 0 is the header)")
                .addProperty("pointer", new StringSchema().description("RFC 6901 JSON pointer into the request body"))
                .addProperty("field", new StringSchema().description("A query, path or form parameter"))
                .addProperty("row", new IntegerSchema().format("int64").description("A row of a CSV"))
                .addProperty("column", new StringSchema().description("A column of a CSV, by name"))
                .addProperty("message", new StringSchema())
                .required(List.of("message"));
    }

    @SuppressWarnings("rawtypes")
    private static void numericDefault(Schema schema) {
        Set<String> types = schema.getTypes();
        if (schema.getDefault() instanceof String text && types != null
                && (types.contains("number") || types.contains("integer"))) {
            schema.setDefault(new BigDecimal(text));
        }
    }

    /**
     * A field that holds one of several subtypes ({@code optimizer}: {@code oneOf} Adam, RMSprop, SGD)
     * gets the discriminator of their common parent, so that a client reads the subtype that
     * {@code type} names instead of guessing from the fields.
     */
    @SuppressWarnings("rawtypes")
    private static void discriminated(Schema schema, Map<String, Schema> schemas) {
        List<Schema> branches = schema.getOneOf();
        if (branches == null || branches.isEmpty() || schema.getDiscriminator() != null
                || branches.get(0).get$ref() == null) {
            return;
        }
        Schema branch = schemas.get(componentName(branches.get(0).get$ref()));
        if (branch == null || branch.getAllOf() == null) {
            return;
        }
        for (Object part : branch.getAllOf()) {
            String parentRef = ((Schema) part).get$ref();
            Schema parent = parentRef == null ? null : schemas.get(componentName(parentRef));
            if (parent != null && parent.getDiscriminator() != null) {
                schema.setDiscriminator(parent.getDiscriminator());
            }
        }
    }

    private static String componentName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void forEachSchema(Schema schema, Consumer<Schema> action) {
        if (schema == null) {
            return;
        }
        action.accept(schema);
        List<Schema> nested = new ArrayList<>();
        if (schema.getProperties() != null) {
            nested.addAll(((Map<String, Schema>) schema.getProperties()).values());
        }
        nested.add(schema.getItems());
        for (Collection<Schema> group : new Collection[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
            if (group != null) {
                nested.addAll(group);
            }
        }
        nested.forEach(child -> forEachSchema(child, action));
    }
}
