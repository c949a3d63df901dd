package dev.chainrule.model;

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

/**
 * Batch norm and residual blocks through HTTP: refusals with pointers, training with clipping, their
 * telemetry, a glass-box step and a gradient check, and a job's parameters (running statistics
 * included) starting another model.
 */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CureLayersApiTest {

    private static final String LAYERS = """
            [{"type": "dense", "units": 8, "activation": "tanh"}, {"type": "batch_norm", "momentum": 0.2},
             {"type": "residual", "projection": true, "layers": [
                {"type": "dense", "units": 6, "activation": "relu"},
                {"type": "residual", "layers": [{"type": "dense", "units": 6, "activation": "sigmoid"}]}]},
             {"type": "dense", "units": 3, "activation": "softmax"}]""";

    @Autowired
    MockMvc mvc;

    Training api;

    @BeforeEach
    void client() {
        api = new Training(ApiClient.of(mvc));
    }

    @Test
    void badDefinitionsAre422sNamingEachPointer() {
        Reply refused = api.postJson("/api/v1/models", """
                {"name": "bad", "layers": [{"type": "batch_norm"}, {"type": "dense", "units": 4, "activation": "relu"},
                  {"type": "batch_norm", "epsilon": 0, "momentum": 2},
                  {"type": "residual", "layers": [{"type": "dense", "units": 5, "activation": "relu"}]},
                  {"type": "residual", "layers": []},
                  {"type": "dense", "units": 3, "activation": "softmax"}], "loss": "cross_entropy"}""");

        refused.expectProblem(422);
        assertThat(refused.pointers().split(" ")).containsExactly("/layers/0", "/layers/2/momentum",
                "/layers/2/epsilon", "/layers/3/layers", "/layers/4/layers");
    }

    @Test
    void aModelWithBatchNormAndResidualBlocksTrainsAndReportsEveryLayer() {
        String iris = api.uploadExample("iris.csv", "task", "classification");
        String model = api.model("{\"name\": \"cures\", \"inputs\": 4, \"layers\": " + LAYERS
                + ", \"loss\": \"cross_entropy\", \"weightInit\": \"torch_default\", \"seed\": 3}");
        // 4·8+8, 16, 8·6+6, 6·6+6, projection 8·6+6, 6·3+3
        assertThat(api.read("/api/v1/models/" + model).path("parameterCount").asLong())
                .isEqualTo(40 + 16 + 54 + 42 + 54 + 21);

        String job = api.trainedJob(model, iris, "\"epochs\": 3, \"batchSize\": 16, \"gradientClipNorm\": 1.0, "
                + "\"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.01}");

        List<String> kinds = new ArrayList<>();
        List<Integer> layers = new ArrayList<>();
        for (JsonNode layer : api.read("/api/v1/jobs/" + job + "/layers?fromEpoch=3")) {
            kinds.add(layer.path("kind").asString());
            layers.add(layer.path("layer").asInt());
            assertThat(layer.path("gradientNorm").asDouble()).as("%s", layer).isPositive();
        }
        assertThat(kinds).containsExactly("dense", "batch_norm", "dense", "dense", "projection", "dense");
        assertThat(layers).containsExactly(0, 1, 2, 3, 4, 5);

        JsonNode parameters = api.read("/api/v1/jobs/" + job + "/parameters");
        assertThat(parameters).hasSize(6);
        assertThat(parameters.get(1).path("runningVar")).hasSize(8);
        assertThat(parameters.get(1).path("runningMean").get(0).asDouble()).isNotZero();
        assertThat(parameters.get(1).has("weights")).isFalse();
        String restarted = api.model("{\"name\": \"again\", \"inputs\": 4, \"layers\": " + LAYERS
                + ", \"loss\": \"cross_entropy\", \"parameters\": " + parameters + "}");
        assertThat(api.read("/api/v1/models/" + restarted).path("parameters").get(1).path("runningVar"))
                .isEqualTo(parameters.get(1).path("runningVar"));

        JsonNode step = api.postJson("/api/v1/models/" + model + "/step",
                "{\"instances\": [[0.5, -1, 2, 0], [1, 1, 1, 1], [0, 2, -1, 1]], \"targets\": [[1, 0, 0], [0, 0, 1], "
                        + "[0, 1, 0]]}").expect(200).json();
        assertThat(step.path("layers")).hasSize(6);
        assertThat(step.path("layers").get(1).path("kind").asString()).isEqualTo("batch_norm");
        assertThat(step.path("layers").get(1).path("dLdW").get(0)).hasSize(8);
        api.postJson("/api/v1/models/" + model + "/step", "{\"instances\": [[0.5, -1, 2, 0]], \"targets\": [[1, 0, 0]]}")
                .expectProblem(422).expectJson("$.errors[0].pointer", "/instances");

        JsonNode check = api.postJson("/api/v1/models/" + model + "/gradient-check",
                "{\"datasetId\": \"" + iris + "\", \"rows\": 4}").expect(200).json();
        assertThat(check.path("passed").asBoolean()).as("%s", check).isTrue();
        assertThat(check.toString()).contains("\"gamma\"", "\"beta\"");
    }

    @Test
    void aJobWhoseBatchesWouldLeaveOneRowForBatchNormIsRefused() {
        String iris = api.uploadExample("iris.csv", "task", "classification");
        String model = api.model("{\"name\": \"bn\", \"inputs\": 4, \"layers\": " + LAYERS
                + ", \"loss\": \"cross_entropy\"}");

        // 120 training rows in batches of 7 leave one row
        api.postJson("/api/v1/jobs", "{\"modelId\": \"" + model + "\", \"datasetId\": \"" + iris
                + "\", \"batchSize\": 7}").expectProblem(422).expectJson("$.errors[0].pointer", "/batchSize");
        api.await(api.queue(model, iris, "\"batchSize\": 8, \"epochs\": 1"), Training.status("succeeded"),
                Duration.ofMinutes(2));
    }
}
