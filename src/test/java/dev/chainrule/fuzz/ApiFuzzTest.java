package dev.chainrule.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.ApiOperations;
import dev.chainrule.support.ApiOperations.Operation;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;

/**
 * Mutated requests, from a fixed seed, over every operation of the live OpenAPI document, against
 * the real server: wrong types, dropped and unknown fields, extreme numbers, long and odd strings,
 * deep nesting, broken JSON, wrong content types, odd ids and query values, missing or bad keys.
 * No answer may be a 5xx; every 4xx is a problem (or, under /v2, the protocol's error); every answer
 * keeps the document's promise (status, media type, schema). {@code -Dchainrule.fuzz.requests=N}
 * sends more; {@code -Dchainrule.fuzz.seed=S} another sequence.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.runner.enabled=false")
@ActiveProfiles("test")
class ApiFuzzTest {

    private static final int REQUESTS = Integer.getInteger("chainrule.fuzz.requests", 1500);
    private static final long SEED = Long.getLong("chainrule.fuzz.seed", 20261203L);
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=zz", "text/csv", "application/x-www-form-urlencoded", "application/json",
            "application/json; charset=ISO-8859-1", "application/octet-stream", "bogus");

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void mutatedRequestsGetDocumentedAnswersAndNeverA5xx() throws Exception {
        ApiClient api = ApiClient.atPort(port);
        ApiOperations operations = ApiOperations.of(api);
        ResponseContract contract = new ResponseContract(operations.document());
        Training training = new Training(api);
        String dataset = training.uploadExample("iris.csv", "task", "classification");
        String model = training.irisSoftmaxModel();
        String job = training.queue(model, dataset, "\"epochs\": 1");
        Map<String, String> real = Map.of("dataset", dataset, "model", model, "job", job,
                "tenant", "00000000-0000-0000-0000-000000000001");

        Mutations mutations = new Mutations(new Random(SEED));
        List<Operation> all = operations.all();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Operation op = mutations.pick(all);
            HttpRequest request = request(op, mutations, real);
            HttpResponse<String> response;
            try {
                response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                        .get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                failures.add(op.name() + " " + request.method() + " " + request.uri() + ": no whole answer within "
                        + ANSWER_WITHIN.toSeconds() + " s");
                continue;
            }
            statuses.merge(response.statusCode() / 100 + "xx", 1, Integer::sum);
            judge(op, request, response, contract).ifPresent(failure -> failures.add(op.name() + " "
                    + request.method() + " " + request.uri() + ": " + failure));
        }
        assertThat(failures).as("failures among %d requests (%s)", REQUESTS, statuses).isEmpty();
        assertThat(statuses.getOrDefault("4xx", 0)).as("most mutated requests are refused").isGreaterThan(REQUESTS / 3);
    }

    private static Optional<String> judge(Operation op, HttpRequest request, HttpResponse<String> response,
            ResponseContract contract) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (status >= 500) {
            return Optional.of("answered " + status + ": " + ResponseContract.abbreviate(response.body()));
        }
        if (status >= 400) {
            boolean kserve = op.path().startsWith("/v2") && type != null && type.startsWith("application/json")
                    && response.body().startsWith("{\"error\"");
            if (!kserve && (type == null || !type.startsWith("application/problem+json"))) {
                return Optional.of("answered " + status + " as " + type + ": "
                        + ResponseContract.abbreviate(response.body()));
            }
            if (response.body().contains("Exception") || response.body().contains("dev.chainrule.")) {
                return Optional.of("names a Java class: " + ResponseContract.abbreviate(response.body()));
            }
        }
        return contract.check(op, status, type, response.body());
    }

    private HttpRequest request(Operation op, Mutations mutations, Map<String, String> real) {
        Map<String, String> ids = new LinkedHashMap<>();
        String resource = resource(op.path());
        // Deleting or cancelling the seeds would leave the rest of the run without them.
        boolean destructive = op.method().equals("DELETE") || op.path().endsWith("/cancel");
        String realId = real.getOrDefault(resource, UUID.randomUUID().toString());
        ids.put("id", destructive ? UUID.randomUUID().toString() : mutations.id(realId));
        ids.put("name", mutations.chance(0.5) ? "iris" : Mutations.encode(mutations.oddString()));
        ids.put("version", mutations.chance(0.5) ? "1" : Mutations.encode(mutations.oddString()));
        // An event stream of a live job stays open: ask only for ones that end or do not exist.
        if (op.path().endsWith("/events") && ids.get("id").equalsIgnoreCase(real.get("job"))) {
            ids.put("id", UUID.randomUUID().toString());
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (JsonNode parameter : op.query()) {
            String name = parameter.get("name").asString();
            if (parameter.path("required").asBoolean() || mutations.chance(0.4)) {
                String valid = name.equals("datasetId") ? dataset(real, mutations) : "1";
                query.add(name + "=" + Mutations.encode(mutations.queryValue(valid)));
            }
        }
        if (mutations.chance(0.05)) {
            query.add("unexpected=" + Mutations.encode(mutations.oddString()));
        }
        URI uri = URI.create("http://localhost:" + port + op.concrete(ids) + query);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
        key(builder, mutations);
        if (op.path().endsWith("/events")) {
            builder.header("Accept", mutations.chance(0.8) ? "text/event-stream" : "application/xml");
        } else if (mutations.chance(0.1)) {
            builder.header("Accept", mutations.pick(List.of("application/xml", "text/html", "*/*", "text/csv")));
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (!op.contentTypes().isEmpty()) {
            String type = mutations.chance(0.85) ? op.contentTypes().get(0) : mutations.pick(CONTENT_TYPES);
            byte[] bytes = type.startsWith("text/csv") || op.path().equals("/api/v1/datasets") && mutations.chance(0.5)
                    ? mutations.csv() : mutations.body(op.exampleBody()).getBytes(StandardCharsets.UTF_8);
            if (type.startsWith("multipart/form-data") && op.path().equals("/api/v1/datasets") && mutations.chance(0.5)) {
                type = "multipart/form-data; boundary=b";
                bytes = multipart(mutations.csv(), mutations);
            }
            builder.header("Content-Type", type);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        return builder.method(op.method(), body).build();
    }

    private static String resource(String path) {
        return path.startsWith("/api/v1/datasets") ? "dataset"
                : path.startsWith("/api/v1/models") ? "model"
                : path.startsWith("/api/v1/jobs") ? "job"
                : path.startsWith("/api/v1/tenants") ? "tenant" : "other";
    }

    private static String dataset(Map<String, String> real, Mutations mutations) {
        return mutations.chance(0.8) ? real.get("dataset") : UUID.randomUUID().toString();
    }

    private static void key(HttpRequest.Builder builder, Mutations mutations) {
        int kind = mutations.chance(0.9) ? 0 : 1 + mutations.below(3);
        switch (kind) {
            case 0 -> builder.header("Authorization", "Bearer " + ApiClient.ADMIN_KEY);
            case 1 -> { } // no key
            case 2 -> builder.header("Authorization", "Bearer cr_" + mutations.oddString().replaceAll("[^!-~]", ""));
            default -> builder.header("Authorization", "Basic " + Mutations.encode(mutations.oddString()));
        }
    }

    private static byte[] multipart(byte[] csv, Mutations mutations) {
        String head = mutations.chance(0.5)
                ? "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n\r\n"
                : "--b\r\nContent-Disposition: form-data; name=\"" + mutations.oddString().replaceAll("[\\r\\n\"]", "")
                        + "\"\r\n\r\n";
        String tail = mutations.chance(0.7) ? "\r\n--b--\r\n" : "";
        byte[] start = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] end = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[start.length + csv.length + end.length];
        System.arraycopy(start, 0, all, 0, start.length);
        System.arraycopy(csv, 0, all, start.length, csv.length);
        System.arraycopy(end, 0, all, start.length + csv.length, end.length);
        return all;
    }
}
