package dev.chainrule.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import dev.chainrule.support.ApiClient;

/** The event stream over a real connection: replay, resume, live epochs, the cap and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.concurrency=4", "chainrule.runner.heartbeat-interval=200ms",
        "chainrule.events.poll-interval=50ms",
        "chainrule.events.max-streams=3", "chainrule.events.replay-batch=7", "chainrule.jobs.keep-checkpoints=1000" })
@ActiveProfiles("test")
class JobEventStreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String IRIS_MODEL = """
            {"name": "iris", "layers": [{"type": "dense", "units": 16, "activation": "relu"},
             {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "cross_entropy", "seed": 3}""";

    @LocalServerPort
    int port;
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aFinishedJobReplaysEveryEpochAndCheckpointInOrderAndEnds() throws Exception {
        String job = finishedJob(20);
        List<EventLines.Received> events;
        try (EventLines stream = open(job, null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            events = stream.readToEnd(Duration.ofSeconds(20));
        }
        List<String> ids = ids(events);
        List<String> expected = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(e -> {
            expected.add("epoch-" + e);
            expected.add("checkpoint-" + e);
        });
        expected.add("status-succeeded-20");
        assertThat(ids).containsExactlyElementsOf(expected);
        EventLines.Received epoch3 = events.stream().filter(e -> "epoch-3".equals(e.id())).findFirst().orElseThrow();
        assertThat(epoch3.name()).isEqualTo("epoch");
        JsonNode history = JSON.readTree(get("/api/v1/jobs/" + job + "/history").body()).get(2);
        ObjectNode data = (ObjectNode) JSON.readTree(epoch3.data());
        JsonNode layers = data.remove("layers");
        assertThat(data).isEqualTo(history);
        JsonNode stored = JSON.readTree(get("/api/v1/jobs/" + job + "/layers?fromEpoch=3").body());
        List<JsonNode> epoch3Layers = new ArrayList<>();
        stored.forEach(l -> {
            if (l.path("epoch").asInt() == 3) {
                epoch3Layers.add(l);
            }
        });
        assertThat(epoch3Layers).hasSize(2);
        assertThat(layers).containsExactlyElementsOf(epoch3Layers);
        assertThat(JSON.readTree(events.get(events.size() - 1).data()).path("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void aReconnectGetsExactlyTheEventsAfterItsLastEventId() throws Exception {
        String job = finishedJob(12);
        try (EventLines stream = open(job, "epoch-5")) {
            List<EventLines.Received> events = stream.readToEnd(Duration.ofSeconds(20));
            List<String> ids = ids(events);
            assertThat(ids).startsWith("checkpoint-5", "epoch-6", "checkpoint-6").endsWith("checkpoint-12",
                    "status-succeeded-12").hasSize(1 + 2 * 7 + 1).doesNotHaveDuplicates();
            JsonNode epoch6 = JSON.readTree(events.stream().filter(e -> "epoch-6".equals(e.id())).findFirst()
                    .orElseThrow().data());
            assertThat(epoch6.path("layers")).hasSize(2);
            assertThat(epoch6.path("layers").get(1).path("epoch").asInt()).isEqualTo(6);
            assertThat(epoch6.path("layers").get(1).path("layer").asInt()).isEqualTo(1);
        }
        try (EventLines stream = open(job, "checkpoint-12")) {
            assertThat(ids(stream.readToEnd(Duration.ofSeconds(20)))).containsExactly("status-succeeded-12");
        }
        try (EventLines stream = open(job, "status-succeeded-12")) {
            assertThat(ids(stream.readToEnd(Duration.ofSeconds(20)))).isEmpty();
        }
    }

    @Test
    void aRunningJobsEpochsArriveLiveWithoutGapsThenItsCancelEndsTheStream() throws Exception {
        String job = job(100_000, 16);
        try (EventLines stream = open(job, null)) {
            List<EventLines.Received> first = stream.readUntil(e -> "epoch-3".equals(e.id()), Duration.ofSeconds(60));
            assertThat(ids(first)).contains("status-running-0").first().asString().startsWith("status-");
            List<EventLines.Received> all = new ArrayList<>(first);
            // Progress is written every chainrule.runner.progress-interval; on a fast machine three
            // epochs may end before the first write.
            if (all.stream().noneMatch(e -> "progress".equals(e.name()))) {
                all.addAll(stream.readUntil(e -> "progress".equals(e.name()), Duration.ofSeconds(30)));
            }
            assertThat(post("/api/v1/jobs/" + job + "/cancel").statusCode()).isEqualTo(200);
            all.addAll(stream.readToEnd(Duration.ofSeconds(20)));
            List<Integer> epochs = all.stream().filter(e -> "epoch".equals(e.name()))
                    .map(e -> Integer.parseInt(e.id().substring("epoch-".length()))).toList();
            assertThat(epochs).isEqualTo(IntStream.rangeClosed(1, epochs.size()).boxed().toList());
            assertThat(all.get(all.size() - 1).id()).startsWith("status-cancelled-");
            assertThat(all).anyMatch(e -> "progress".equals(e.name()) && e.id().startsWith("progress-"));
        }
    }

    @Test
    void beyondTheCapTheAnswerIs503WithRetryAfterAndAClosedStreamFreesItsPlace() throws Exception {
        String job = job(100_000, 4);
        List<EventLines> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                open.add(open(job, null));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            HttpResponse<String> refused = get("/api/v1/jobs/" + job + "/events", "text/event-stream");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(refused.body()).path("type").asString()).isEqualTo("/problems/too-many-streams");
        } finally {
            post("/api/v1/jobs/" + job + "/cancel");
            for (EventLines stream : open) {
                stream.readToEnd(Duration.ofSeconds(20));
                stream.close();
            }
        }
        try (EventLines again = open(job, null)) {
            assertThat(again.status()).isEqualTo(200);
            assertThat(ids(again.readToEnd(Duration.ofSeconds(20)))).last().asString().startsWith("status-cancelled-");
        }
    }

    @Test
    void refusalsAreProblems() throws Exception {
        HttpResponse<String> unknown = get("/api/v1/jobs/00000000-0000-0000-0000-000000000001/events", "text/event-stream");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(unknown.body()).path("detail").asString()).contains("00000000-0000-0000-0000-000000000001");

        String job = finishedJob(1);
        HttpResponse<String> json = get("/api/v1/jobs/" + job + "/events", "application/json");
        assertThat(json.statusCode()).isEqualTo(406);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JSON.readTree(json.body()).path("status").asInt()).isEqualTo(406);

        HttpResponse<String> badId = client.send(HttpRequest.newBuilder(url("/api/v1/jobs/" + job + "/events")).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY)
                .header("Accept", "text/event-stream").header("Last-Event-ID", "epoch-x").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badId.body()).path("errors").get(0).path("field").asString()).isEqualTo("Last-Event-ID");
    }

    private String finishedJob(int epochs) throws Exception {
        String job = job(epochs, 16);
        for (int i = 0; i < 600; i++) {
            String status = JSON.readTree(get("/api/v1/jobs/" + job).body()).path("status").asString();
            if (status.equals("succeeded")) {
                return job;
            }
            assertThat(status).isIn("queued", "running");
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not finish");
    }

    private String job(int epochs, int batchSize) throws Exception {
        HttpResponse<String> dataset = client.send(HttpRequest.newBuilder(url("/api/v1/datasets?name=iris")).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(Path.of("examples/datasets/iris.csv"))))
                .build(), HttpResponse.BodyHandlers.ofString());
        String datasetId = JSON.readTree(dataset.body()).path("id").asString();
        String modelId = JSON.readTree(postJson("/api/v1/models", IRIS_MODEL).body()).path("id").asString();
        HttpResponse<String> job = postJson("/api/v1/jobs", "{\"modelId\": \"" + modelId + "\", \"datasetId\": \""
                + datasetId + "\", \"epochs\": " + epochs + ", \"batchSize\": " + batchSize + "}");
        assertThat(job.statusCode()).as(job.body()).isEqualTo(202);
        return JSON.readTree(job.body()).path("id").asString();
    }

    private EventLines open(String job, String lastEventId) {
        return EventLines.open(client, "http://localhost:" + port + "/api/v1/jobs/" + job + "/events", lastEventId);
    }

    private static List<String> ids(List<EventLines.Received> events) {
        return events.stream().filter(e -> e.id() != null).map(EventLines.Received::id).toList();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "application/json");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(url(path)).header("Authorization", "Bearer " + ApiClient.ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
