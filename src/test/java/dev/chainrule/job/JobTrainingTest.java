package dev.chainrule.job;

import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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

/** Real training through HTTP: datasets, models, the engine and the runner together. */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobTrainingTest {

    static final String IRIS_MODEL = """
            {"name": "iris", "layers": [{"type": "dense", "units": 16, "activation": "relu"},
             {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "cross_entropy", "seed": 3}""";

    static final String XOR_MODEL = """
            {"name": "xor", "layers": [{"type": "dense", "units": 2, "activation": "tanh"},
             {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy"}""";

    @Autowired
    MockMvc mvc;
    Training api;

    @BeforeEach
    void client() {
        api = new Training(ApiClient.of(mvc));
    }

    @Test
    void irisTrainsToHighValidationAccuracyWithHistoryCheckpointsAndParameters() {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String id = api.queue(api.model(IRIS_MODEL), dataset, """
                "epochs": 30, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01}, "seed": 5,
                "checkpointEvery": 2""");

        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(60));

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("epoch").asInt()).isEqualTo(30);
        assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
        assertThat(job.path("metrics").path("valAccuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(job.path("samplesPerSecond").asDouble()).isPositive();
        assertThat(job.path("startedAt").isString()).isTrue();
        assertThat(job.path("error").isNull()).isTrue();

        JsonNode history = api.read("/api/v1/jobs/" + id + "/history");
        List<Integer> epochs = new ArrayList<>();
        history.forEach(h -> epochs.add(h.path("epoch").asInt()));
        assertThat(epochs).hasSize(30).isSorted().doesNotHaveDuplicates().startsWith(1).endsWith(30);
        assertThat(history.path(29).path("valAccuracy").asDouble())
                .isEqualTo(job.path("metrics").path("valAccuracy").asDouble());
        assertThat(history.path(0).path("learningRate").asDouble()).isEqualTo(0.01);
        assertThat(history.path(29).path("loss").asDouble()).isLessThan(history.path(0).path("loss").asDouble());

        JsonNode checkpoints = api.read("/api/v1/jobs/" + id + "/checkpoints");
        List<Integer> kept = new ArrayList<>();
        checkpoints.forEach(c -> kept.add(c.path("epoch").asInt()));
        assertThat(kept).hasSizeBetween(3, 4).endsWith(26, 28, 30).allMatch(e -> e % 2 == 0);
        assertThat(checkpoints.findValues("best")).filteredOn(JsonNode::asBoolean).hasSize(1);

        JsonNode parameters = api.read("/api/v1/jobs/" + id + "/parameters");
        assertThat(parameters.size()).isEqualTo(2);
        assertThat(parameters.path(0).path("weights").size()).isEqualTo(4);
        assertThat(parameters.path(0).path("weights").path(0).size()).isEqualTo(16);
        assertThat(parameters.path(1).path("bias").size()).isEqualTo(3);
    }

    @Test
    void aRunningJobIsCancelledAtTheNextBatchAndFreesItsDataset() {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String id = api.queue(api.model(IRIS_MODEL), dataset, "\"epochs\": 100000, \"batchSize\": 4");
        api.await(id, j -> j.path("epoch").asInt() >= 1, Duration.ofSeconds(30));
        assertThat(api.api().delete("/api/v1/datasets/" + dataset).status()).isEqualTo(409);

        Reply cancelled = api.api().post("/api/v1/jobs/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("finishedAt").isString()).isTrue();
        assertThat(api.read("/api/v1/jobs/" + id + "/history").size()).isPositive();
        assertThat(api.api().post("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(409);
        assertThat(api.read("/api/v1/jobs?status=cancelled&size=100").path("content").findValuesAsString("id"))
                .contains(id);
        assertThat(api.api().delete("/api/v1/datasets/" + dataset).status()).isEqualTo(204);
    }

    @Test
    void aCancelledJobFreesItsRunnerForTheNextJob() {
        // One job trains at a time here, so the next one runs only once the cancelled one has stopped.
        String dataset = api.uploadExample("xor.csv", "task", "classification");
        String model = api.model(XOR_MODEL);
        String endless = api.queue(model, dataset, "\"epochs\": 100000, \"validationSplit\": 0");
        api.await(endless, j -> j.path("epoch").asInt() >= 1, Duration.ofSeconds(30));

        assertThat(api.api().post("/api/v1/jobs/" + endless + "/cancel", "").json().path("status").asString())
                .isEqualTo("cancelled");
        String next = api.queue(model, dataset, "\"epochs\": 2, \"validationSplit\": 0");

        assertThat(api.awaitFinished(next, Duration.ofSeconds(30)).path("status").asString()).isEqualTo("succeeded");
        assertThat(api.job(endless).path("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void aLossThatBlowsUpFailsTheJobSuggestingALowerLearningRate() {
        String dataset = api.uploadExample("diabetes.csv", "task", "regression");
        String model = api.model("""
                {"name": "linear", "layers": [{"type": "dense", "units": 1, "activation": "identity"}], "loss": "mse"}""");
        String id = api.queue(model, dataset, """
                "epochs": 50, "standardize": false, "optimizer": {"type": "sgd", "learningRate": 10}""");

        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(30));

        assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).containsIgnoringCase("learning rate");
    }

    @Test
    void aJobOverItsRuntimeLimitFailsWithAClearReason() {
        String dataset = api.uploadExample("xor.csv", "task", "classification");
        String model = api.model(XOR_MODEL);
        String id = api.queue(model, dataset, "\"epochs\": 100000, \"validationSplit\": 0, \"maxRuntimeSeconds\": 1");

        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(30));

        assertThat(job.path("status").asString()).isEqualTo("failed");
        assertThat(job.path("error").asString()).contains("maxRuntimeSeconds");
    }

    @Test
    void twoIdenticalRequestsTrainIdenticalParameters() {
        String dataset = api.uploadExample("xor.csv", "task", "classification");
        String model = api.model("""
                {"name": "xor", "layers": [{"type": "dense", "units": 3, "activation": "tanh"},
                 {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy", "seed": 9}""");
        String options = "\"epochs\": 20, \"batchSize\": 2, \"validationSplit\": 0, \"seed\": 4";
        String first = api.queue(model, dataset, options);
        String second = api.queue(model, dataset, options);

        api.await(first, status("succeeded"), Duration.ofSeconds(30));
        api.await(second, status("succeeded"), Duration.ofSeconds(30));

        assertThat(api.read("/api/v1/jobs/" + second + "/parameters"))
                .isEqualTo(api.read("/api/v1/jobs/" + first + "/parameters"));
    }
}
