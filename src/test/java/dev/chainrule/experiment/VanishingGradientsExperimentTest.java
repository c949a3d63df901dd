package dev.chainrule.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The experiment of docs/vanishing-gradients.md, through the API: four networks of the same depth on
 * digits, trained with the same data, seed, optimizer and epochs. The deep sigmoid MLP's first layer
 * gets gradients orders of magnitude below its last, the diagnosis says vanishing_gradients and it
 * stays near chance; ReLU with He initialisation, batch normalization and residual blocks each reach
 * a high validation accuracy with gradients of one order in every layer.
 *
 * <p>With {@code -Dexperiment.write=docs/vanishing-gradients} it also writes what it measured to
 * {@code results.json} there, from which {@code docs/vanishing-gradients/report.py} makes the table and
 * the loss curves.
 */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class VanishingGradientsExperimentTest {

    static final int EPOCHS = 10;
    static final String OPTIONS = "\"epochs\": " + EPOCHS + ", \"batchSize\": 32, \"validationSplit\": 0.2, \"seed\": 7, "
            + "\"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.02, \"momentum\": 0.9}, \"telemetry\": true";
    private static final int HIDDEN = 8;
    private static final String SIGMOID = "{\"type\": \"dense\", \"units\": 32, \"activation\": \"sigmoid\"}";
    private static final String RELU = "{\"type\": \"dense\", \"units\": 32, \"activation\": \"relu\"}";
    private static final String BATCH_NORM = "{\"type\": \"batch_norm\"}";
    private static final String OUTPUT = "{\"type\": \"dense\", \"units\": 10, \"activation\": \"softmax\"}";

    @Autowired
    MockMvc mvc;

    Training api;

    @BeforeEach
    void client() {
        api = new Training(ApiClient.of(mvc));
    }

    /** The four models: name, hidden layers, weight init. */
    static Map<String, String> models() {
        Map<String, String> models = new LinkedHashMap<>();
        models.put("sigmoid", model("deep sigmoid", repeat(SIGMOID, HIDDEN), "xavier_uniform"));
        models.put("relu_he", model("deep relu", repeat(RELU, HIDDEN), "he_normal"));
        models.put("batch_norm", model("deep sigmoid with batch norm", repeat(SIGMOID + ", " + BATCH_NORM, HIDDEN),
                "xavier_uniform"));
        models.put("residual", model("deep sigmoid with residual blocks", SIGMOID + ", "
                + repeat("{\"type\": \"residual\", \"layers\": [" + SIGMOID + "]}", HIDDEN - 1), "xavier_uniform"));
        return models;
    }

    private static String model(String name, String hidden, String init) {
        return "{\"name\": \"" + name + "\", \"inputs\": 64, \"layers\": [" + hidden + ", " + OUTPUT + "], "
                + "\"loss\": \"cross_entropy\", \"weightInit\": \"" + init + "\", \"seed\": 1}";
    }

    private static String repeat(String layer, int times) {
        return String.join(", ", java.util.Collections.nCopies(times, layer));
    }

    @Test
    void onlyTheDeepSigmoidMlpStallsAndEveryCureLearns() throws IOException {
        String digits = api.uploadExample("digits.csv", "task", "classification");
        Map<String, String> jobs = new LinkedHashMap<>();
        models().forEach((name, json) -> jobs.put(name, api.queue(api.model(json), digits, OPTIONS)));
        ObjectNode results = new ObjectMapper().createObjectNode();
        results.put("options", "{" + OPTIONS + "}");
        for (Map.Entry<String, String> job : jobs.entrySet()) {
            api.await(job.getValue(), Training.status("succeeded"), Duration.ofMinutes(3));
            results.set(job.getKey(), result(job.getValue(), models().get(job.getKey())));
        }

        JsonNode sigmoid = results.get("sigmoid");
        assertThat(ratio(sigmoid, 1)).as("first/last gradient norm of the sigmoid MLP at epoch 1").isLessThan(1e-3);
        assertThat(ratio(sigmoid, EPOCHS)).as("at epoch %d", EPOCHS).isLessThan(1e-3);
        assertThat(sigmoid.get("valAccuracy").asDouble()).isLessThan(0.3);
        assertThat(sigmoid.get("diagnosis").toString()).contains("vanishing_gradients");
        for (String cure : List.of("relu_he", "batch_norm", "residual")) {
            JsonNode result = results.get(cure);
            assertThat(result.get("valAccuracy").asDouble()).as("%s validation accuracy", cure).isGreaterThan(0.9);
            assertThat(ratio(result, 1)).as("%s first/last gradient norm at epoch 1", cure).isGreaterThan(0.05);
            assertThat(ratio(result, EPOCHS)).as("%s at epoch %d", cure, EPOCHS).isGreaterThan(0.05);
            assertThat(result.get("diagnosis").toString()).as(cure).doesNotContain("vanishing_gradients");
        }
        String target = System.getProperty("experiment.write");
        if (target != null) {
            Files.writeString(Path.of(target, "results.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
    }

    /** The smallest over the largest per-layer gradient norm of the dense layers at {@code epoch}. */
    private static double ratio(JsonNode result, int epoch) {
        JsonNode norms = result.get("gradientNorms").get(String.valueOf(epoch));
        List<Double> dense = new ArrayList<>();
        JsonNode kinds = result.get("kinds");
        for (int i = 0; i < norms.size(); i++) {
            if (kinds.get(i).asString().equals("dense")) {
                dense.add(norms.get(i).asDouble());
            }
        }
        return dense.get(0) / dense.get(dense.size() - 1);
    }

    private ObjectNode result(String job, String model) {
        ObjectNode result = new ObjectMapper().createObjectNode();
        result.put("model", model);
        result.put("valAccuracy", api.job(job).path("metrics").path("valAccuracy").asDouble());
        ObjectNode curves = result.putObject("history");
        for (JsonNode epoch : api.read("/api/v1/jobs/" + job + "/history")) {
            curves.putArray(String.valueOf(epoch.get("epoch").asInt())).add(epoch.get("loss").asDouble())
                    .add(epoch.get("valLoss").asDouble()).add(epoch.get("valAccuracy").asDouble());
        }
        ObjectNode norms = result.putObject("gradientNorms");
        var kinds = result.putArray("kinds");
        var layers = result.putArray("layers");
        for (JsonNode layer : api.read("/api/v1/jobs/" + job + "/layers")) {
            int epoch = layer.get("epoch").asInt();
            if (epoch != 1 && epoch != EPOCHS) {
                continue;
            }
            String key = String.valueOf(epoch);
            if (!norms.has(key)) {
                norms.putArray(key);
            }
            ((tools.jackson.databind.node.ArrayNode) norms.get(key)).add(layer.get("gradientNorm").asDouble());
            if (epoch == 1) {
                kinds.add(layer.get("kind").asString());
                layers.add(layer.get("layer").asInt());
            }
        }
        result.set("diagnosis", api.read("/api/v1/jobs/" + job + "/diagnosis"));
        return result;
    }
}
