package dev.chainrule.job;

import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;

/** Forking a job from one of its checkpoints: continuing exactly, what a fork may change, and what it may not. */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobForkTest {

    static final String IRIS_DROPOUT_MODEL = """
            {"name": "iris-dropout", "layers": [{"type": "dense", "units": 16, "activation": "relu"},
             {"type": "dropout", "rate": 0.2}, {"type": "dense", "units": 3, "activation": "softmax"}],
             "loss": "cross_entropy", "seed": 3}""";
    static final String PARENT_OPTIONS = """
            "epochs": 6, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01},
            "schedule": {"type": "step", "stepSize": 2, "gamma": 0.5}, "seed": 5,
            "earlyStopping": {"metric": "val_loss", "patience": 50}""";

    @Autowired
    MockMvc mvc;
    Training api;
    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
        api = new Training(http);
    }

    @Test
    void aForkRestoringEverythingContinuesTheParentsUninterruptedRunBitForBit() {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String parent = api.trainedJob(api.model(IRIS_DROPOUT_MODEL), dataset, PARENT_OPTIONS);

        Reply created = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent
                + "\", \"epoch\": 4, \"restore\": \"all\"}, \"epochs\": 2}").expect(202);
        String fork = created.json().path("id").asString();
        api.await(fork, status("succeeded"), Duration.ofMinutes(2));

        JsonNode view = api.job(fork);
        assertThat(view.path("parent").path("jobId").asString()).isEqualTo(parent);
        assertThat(view.path("parent").path("epoch").asInt()).isEqualTo(4);
        assertThat(view.path("parent").path("restore").asString()).isEqualTo("all");
        assertThat(view.path("datasetId").asString()).isEqualTo(dataset);
        assertThat(view.path("seed").asLong()).isEqualTo(5);
        assertThat(view.path("epoch").asInt()).isEqualTo(2);
        List<String> parentHistory = numbers(api.read("/api/v1/jobs/" + parent + "/history"));
        List<String> forkHistory = numbers(api.read("/api/v1/jobs/" + fork + "/history"));
        assertThat(forkHistory).containsExactlyElementsOf(parentHistory.subList(4, 6));
        assertThat(epochs(api.read("/api/v1/jobs/" + fork + "/history"))).containsExactly(1, 2);
        assertThat(api.get("/api/v1/jobs/" + fork + "/parameters"))
                .isEqualTo(api.get("/api/v1/jobs/" + parent + "/parameters"));
        assertThat(api.job(parent).path("parent").isNull()).isTrue();
    }

    @Test
    void aForkMayChangeItsOptionsAndTakeADatasetOfTheSameSchema() throws IOException {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String parent = api.trainedJob(api.model(IRIS_DROPOUT_MODEL), dataset, PARENT_OPTIONS);
        String sameSchema = api.upload("iris-again.csv", iris(), "task", "classification");

        String fork = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent + "\", \"restore\": \"weights\"}, "
                + "\"datasetId\": \"" + sameSchema + "\", \"epochs\": 3, "
                + "\"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.001}}").expect(202).json().path("id").asString();
        JsonNode done = api.await(fork, status("succeeded"), Duration.ofMinutes(2));

        assertThat(done.path("optimizer").path("type").asString()).isEqualTo("sgd");
        assertThat(done.path("epochs").asInt()).isEqualTo(3);
        assertThat(done.path("datasetId").asString()).isEqualTo(sameSchema);
        // default start: the parent's best checkpoint
        JsonNode best = bestCheckpoint(api.read("/api/v1/jobs/" + parent + "/checkpoints"));
        assertThat(done.path("parent").path("epoch").asInt()).isEqualTo(best.path("epoch").asInt());
        // the weights carry over (a small SGD step barely moves them), the schedule starts afresh
        JsonNode first = api.read("/api/v1/jobs/" + fork + "/history").get(0);
        assertThat(first.path("valLoss").asDouble()).isCloseTo(best.path("metrics").path("valLoss").asDouble(),
                org.assertj.core.data.Offset.offset(0.05));
        assertThat(first.path("valLoss").asDouble())
                .isLessThan(api.read("/api/v1/jobs/" + parent + "/history").get(0).path("valLoss").asDouble());
        assertThat(first.path("learningRate").asDouble()).isEqualTo(0.001);
    }

    @Test
    void aPrunedCheckpointIsAConflictListingTheEpochsThatAreKept() {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String parent = api.trainedJob(api.model(IRIS_DROPOUT_MODEL), dataset, PARENT_OPTIONS);
        List<Integer> kept = epochs(api.read("/api/v1/jobs/" + parent + "/checkpoints"));
        int pruned = IntStream.rangeClosed(1, 6).filter(e -> !kept.contains(e)).findFirst().orElseThrow();

        Reply refused = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent + "\", \"epoch\": " + pruned + "}}");

        refused.expectProblem(409);
        assertThat(refused.pointers()).isEqualTo("/from/epoch");
        String detail = refused.json().path("detail").asString();
        assertThat(detail).contains("epoch " + pruned);
        for (int epoch : kept) {
            assertThat(detail).contains(String.valueOf(epoch));
        }
    }

    @Test
    void anotherSchemaOrAChangeTheRestoredStateCannotTakeIs422NamingTheDifference() throws IOException {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String parent = api.trainedJob(api.model(IRIS_DROPOUT_MODEL), dataset, PARENT_OPTIONS);
        String renamed = api.upload("iris-renamed.csv", iris().replace("petal_width_cm", "petal_width"),
                "task", "classification");

        Reply otherSchema = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent + "\"}, \"datasetId\": \""
                + renamed + "\"}").expectProblem(422);
        Reply otherOptimizer = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent + "\", \"restore\": \"all\"}, "
                + "\"optimizer\": {\"type\": \"sgd\"}, \"dtype\": \"float64\"}").expectProblem(422);
        Reply unknownParent = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + java.util.UUID.randomUUID()
                + "\"}}").expectProblem(422);
        Reply badRestore = http.post("/api/v1/jobs", "{\"from\": {\"jobId\": \"" + parent + "\", \"restore\": \"most\"}}")
                .expectProblem(422);

        assertThat(otherSchema.pointers()).isEqualTo("/datasetId");
        assertThat(otherSchema.body()).contains("petal_width").contains("petal_width_cm");
        assertThat(otherOptimizer.pointers()).contains("/optimizer/type").contains("/dtype");
        assertThat(unknownParent.pointers()).isEqualTo("/from/jobId");
        assertThat(badRestore.pointers()).isEqualTo("/from/restore");
        http.post("/api/v1/jobs", "{}").expectProblem(400);
    }

    private static String iris() throws IOException {
        return Files.readString(Path.of("examples", "datasets", "iris.csv"));
    }

    private static JsonNode bestCheckpoint(JsonNode checkpoints) {
        for (JsonNode c : checkpoints) {
            if (c.path("best").asBoolean()) {
                return c;
            }
        }
        throw new AssertionError("no best checkpoint in " + checkpoints);
    }

    /** Each epoch's numbers, wall-clock ones left out. */
    private static List<String> numbers(JsonNode history) {
        List<String> rows = new ArrayList<>();
        for (JsonNode e : history) {
            rows.add(e.path("loss").asDouble() + " " + e.path("valLoss").asDouble() + " " + e.path("accuracy").asDouble()
                    + " " + e.path("valAccuracy").asDouble() + " " + e.path("learningRate").asDouble());
        }
        return rows;
    }

    private static List<Integer> epochs(JsonNode rows) {
        List<Integer> epochs = new ArrayList<>();
        rows.forEach(r -> epochs.add(r.path("epoch").asInt()));
        return epochs;
    }
}
