package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

/** The calls a client makes to train a model: upload, define, queue, poll. */
final class TrainingApi {

    final Http http;

    TrainingApi(Http http) {
        this.http = http;
    }

    /** Uploads {@code examples/datasets/<file>} and returns the dataset id. */
    String upload(String file, String task) {
        try {
            byte[] csv = Files.readAllBytes(Path.of("examples/datasets", file));
            Http.Response response = http.postCsv("/api/v1/datasets?name=" + file + "&task=" + task, csv);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
            return response.body().path("id").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String model(String json) {
        Http.Response response = http.post("/api/v1/models", json);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asString();
    }

    String job(String modelId, String datasetId, String options) {
        Http.Response response = http.post("/api/v1/jobs", "{\"modelId\": \"" + modelId + "\", \"datasetId\": \""
                + datasetId + "\"" + (options.isEmpty() ? "" : ", " + options) + "}");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
        return response.body().path("id").asString();
    }

    JsonNode job(String id) {
        return http.get("/api/v1/jobs/" + id).body();
    }

    JsonNode await(String id, Predicate<JsonNode> condition, Duration timeout) {
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

    JsonNode awaitFinished(String id, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode job = job(id);
        while (!job.path("finishedAt").isString()) {
            assertThat(Instant.now()).as("job %s did not finish in time: %s", id, job).isBefore(deadline);
            sleep(50);
            job = job(id);
        }
        return job;
    }

    static Predicate<JsonNode> status(String status) {
        return j -> status.equals(j.path("status").asString());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
