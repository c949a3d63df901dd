package dev.chainrule.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/** The calls a client makes to train a model, on the shared {@link ApiClient}: upload, define, queue, poll. */
public final class Training {

    private final ApiClient api;

    public Training(ApiClient api) {
        this.api = api;
    }

    public ApiClient api() {
        return api;
    }

    /** Uploads {@code examples/datasets/<file>}; {@code fields} are form fields, name and value in turn. */
    public String uploadExample(String file, String... fields) {
        try {
            return upload(file, Files.readAllBytes(Path.of("examples", "datasets", file)), fields);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String upload(String name, String csv, String... fields) {
        return upload(name, csv.getBytes(StandardCharsets.UTF_8), fields);
    }

    public String upload(String name, byte[] csv, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        return idOf(api.postMultipart("/api/v1/datasets", name, csv, form).expect(201));
    }

    public String model(String json) {
        return idOf(api.post("/api/v1/models", json).expect(201));
    }

    /** The smallest model that trains on {@code examples/datasets/iris.csv}: one softmax layer. */
    public String irisSoftmaxModel() {
        return model("""
                {"name": "iris", "layers": [{"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 1}""");
    }

    /** Queues a job; {@code options} are more members of the request's JSON object, or empty. */
    public String queue(String modelId, String datasetId, String options) {
        return idOf(api.post("/api/v1/jobs", "{\"modelId\": \"" + modelId + "\", \"datasetId\": \"" + datasetId + "\""
                + (options.isEmpty() ? "" : ", " + options) + "}").expect(202));
    }

    /** Queues a job and waits until it has succeeded. */
    public String trainedJob(String modelId, String datasetId, String options) {
        String job = queue(modelId, datasetId, options);
        await(job, status("succeeded"), Duration.ofMinutes(3));
        return job;
    }

    public JsonNode job(String id) {
        return api.get("/api/v1/jobs/" + id).ok();
    }

    /** The body of a GET that must answer 200, as text. */
    public String get(String path) {
        return api.get(path).expect(200).body();
    }

    public Reply postJson(String path, String json) {
        return api.post(path, json);
    }

    /** Queues a job that the caller will watch; {@code options} as in {@link #queue}. */
    public String queuedJob(String modelId, String datasetId, String options) {
        return queue(modelId, datasetId, options);
    }

    public void awaitStatus(String jobId, String expected) {
        await(jobId, status(expected), Duration.ofMinutes(3));
    }

    /** The body of a GET that must answer 2xx. */
    public JsonNode read(String path) {
        return api.get(path).ok();
    }

    /** Polls the job until {@code condition} holds, failing if it finishes without or time runs out. */
    public JsonNode await(String id, Predicate<JsonNode> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = job(id);
        while (!condition.test(job)) {
            assertThat(job.path("finishedAt").isString()).as("job %s ended early: %s", id, job).isFalse();
            assertThat(Instant.now()).as("job %s did not get there in time: %s", id, job).isBefore(deadline);
            sleep(50);
            job = job(id);
        }
        return job;
    }

    public JsonNode awaitFinished(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = job(id);
        while (!job.path("finishedAt").isString()) {
            assertThat(Instant.now()).as("job %s did not finish in time: %s", id, job).isBefore(deadline);
            sleep(50);
            job = job(id);
        }
        return job;
    }

    public static Predicate<JsonNode> status(String status) {
        return j -> status.equals(j.path("status").asString());
    }

    private static String idOf(Reply reply) {
        return reply.json().path("id").asString();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
