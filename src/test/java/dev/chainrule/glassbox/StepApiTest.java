package dev.chainrule.glassbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The glass-box step over HTTP: the same numbers as the trainer (bit for bit, dropout included),
 * starting from a job's checkpoint, and every bad input answered with a problem naming the field.
 */
@SpringBootTest(properties = "chainrule.glassbox.max-step-values=20000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StepApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SGD = "\"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.1, \"momentum\": 0.9}";

    @Autowired
    MockMvc mvc;

    private Training api;
    private String iris;
    private String model;
    private String job;

    @BeforeAll
    void train() throws Exception {
        api = new Training(ApiClient.of(mvc));
        iris = api.uploadExample("iris.csv", "task", "classification");
        model = api.model("""
                {"name": "iris glass box", "layers": [{"type": "dense", "units": 8, "activation": "tanh"},
                                                      {"type": "dropout", "rate": 0.25},
                                                      {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 5, "l2": 0.01}""");
        job = api.trainedJob(model, iris, "\"epochs\": 1, \"batchSize\": 150, \"shuffle\": false, "
                + "\"validationSplit\": 0, \"seed\": 11, " + SGD);
    }

    @Test
    void aStepEndsWithTheParametersOfAOneEpochFullBatchJobBitForBit() throws Exception {
        JsonNode step = ok(step(model, "{\"datasetId\": \"" + iris + "\", \"offset\": 0, \"rows\": 150, \"seed\": 11, "
                + SGD + "}"));
        JsonNode trained = JSON.readTree(api.get("/api/v1/jobs/" + job + "/parameters"));

        assertThat(step.path("parametersAfter")).isEqualTo(trained);
        assertThat(step.path("lossAfter").asDouble()).isLessThan(step.path("loss").asDouble());
        assertThat(step.path("input").size()).isEqualTo(150);
        assertThat(step.path("target").get(0).size()).isEqualTo(3);
        JsonNode layers = step.path("layers");
        assertThat(layers.size()).isEqualTo(3);
        assertThat(layers.get(0).path("kind").asString()).isEqualTo("dense");
        assertThat(layers.get(1).path("kind").asString()).isEqualTo("dropout");
        assertThat(layers.get(1).has("weights")).isFalse();
        assertThat(layers.get(2).has("dLda")).as("softmax + cross-entropy is fused").isFalse();
        for (String field : new String[] {"weights", "bias", "z", "a", "dLda", "dLdz", "dLdW", "dLdb", "update"}) {
            assertThat(layers.get(0).has(field)).as(field).isTrue();
        }
        // the update is what moved the weights: before + update = after
        double before = layers.get(0).path("weights").get(1).get(2).asDouble();
        double update = layers.get(0).path("update").path("weights").get(1).get(2).asDouble();
        double after = step.path("parametersAfter").get(0).path("weights").get(1).get(2).asDouble();
        assertThat((float) (before + update)).isEqualTo((float) after);
    }

    @Test
    void mseOnOneHotClassesMatchesPyTorch() throws Exception {
        JsonNode fixture;
        try (var in = getClass().getResourceAsStream("/parity/step/step_iris_mse_onehot.json")) {
            fixture = JSON.readTree(in);
        }
        ObjectNode definition = JSON.createObjectNode().put("name", "iris mse").put("loss", "mse");
        definition.set("layers", JSON.readTree("""
                [{"type": "dense", "units": 5, "activation": "sigmoid"},
                 {"type": "dense", "units": 3, "activation": "sigmoid"}]"""));
        definition.set("parameters", fixture.path("initial_params"));
        String mse = api.model(definition.toString());

        JsonNode step = ok(step(mse, "{\"datasetId\": \"" + iris + "\", \"rows\": 150, \"standardize\": false, "
                + "\"dtype\": \"float64\", \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.5, \"momentum\": 0.9}}"));

        assertThat(step.path("target").get(0).toString()).isEqualTo("[1.0,0.0,0.0]");
        assertThat(step.path("target").get(149).toString()).isEqualTo("[0.0,0.0,1.0]");
        assertThat(step.path("loss").asDouble()).isCloseTo(fixture.path("loss").asDouble(), within(1e-12));
        for (int l = 0; l < 2; l++) {
            JsonNode layer = step.path("layers").get(l);
            JsonNode grads = fixture.path("grads").get(l);
            assertClose(layer.path("dLdW"), grads.path("weights"));
            assertClose(layer.path("dLdb"), grads.path("bias"));
            assertClose(step.path("parametersAfter").get(l), fixture.path("params_after").get(l));
        }
    }

    private static void assertClose(JsonNode actual, JsonNode expected) {
        assertClose(actual, expected, 1e-12);
    }

    /** Every number of {@code actual} within {@code tolerance} of {@code expected}'s, in the same structure. */
    private static void assertClose(JsonNode actual, JsonNode expected, double tolerance) {
        if (expected.isNumber()) {
            assertThat(actual.asDouble()).isCloseTo(expected.asDouble(), within(tolerance));
            return;
        }
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected.isObject()) {
            expected.properties().forEach(e -> assertClose(actual.path(e.getKey()), e.getValue(), tolerance));
        } else {
            for (int i = 0; i < expected.size(); i++) {
                assertClose(actual.get(i), expected.get(i), tolerance);
            }
        }
    }

    @Test
    void aStepFromAJobCheckpointStartsFromItsParameters() throws Exception {
        JsonNode step = ok(step(model, "{\"jobId\": \"" + job + "\", \"epoch\": 1, \"rows\": 10}"));
        JsonNode trained = JSON.readTree(api.get("/api/v1/jobs/" + job + "/parameters"));

        assertThat(step.path("layers").get(0).path("weights")).isEqualTo(trained.get(0).path("weights"));
        assertThat(step.path("layers").get(2).path("bias")).isEqualTo(trained.get(1).path("bias"));
        assertThat(step.path("input").size()).isEqualTo(10);

        JsonNode fromStart = ok(step(model, "{\"jobId\": \"" + job + "\", \"rows\": 10}"));
        assertThat(fromStart.path("layers").get(0).path("weights")).isNotEqualTo(trained.get(0).path("weights"));
    }

    @Test
    void inlineRawRowsWithADatasetAreEncodedAsThatDatasetsOwnRows() throws Exception {
        String options = ", \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.5}, \"dtype\": \"float64\"}";
        JsonNode fromDataset = ok(step(model, "{\"datasetId\": \"" + iris + "\", \"offset\": 50, \"rows\": 2" + options));
        JsonNode inline = ok(step(model, "{\"datasetId\": \"" + iris + "\", \"instances\": [[7.0, 3.2, 4.7, 1.4], "
                + "{\"sepal_length_cm\": 6.4, \"sepal_width_cm\": \"3.2\", \"petal_length_cm\": 4.5, "
                + "\"petal_width_cm\": 1.5}], \"targets\": [1, \"1\"]" + options));

        // A stored dataset keeps its values as float32, so they differ from the JSON doubles in the 8th digit.
        assertClose(inline.path("input"), fromDataset.path("input"), 1e-6);
        assertThat(inline.path("target")).isEqualTo(fromDataset.path("target"));
        assertThat(inline.path("target").get(0).get(1).asDouble()).isEqualTo(1.0);
        assertClose(inline.path("loss"), fromDataset.path("loss"), 1e-6);
        // standardised, so not the raw 7.0
        assertThat(inline.path("input").get(0).get(0).asDouble()).isBetween(0.5, 2.0);
    }

    @Test
    void inlineRawRowsWithAJobAreEncodedByItsPreprocessing() throws Exception {
        JsonNode fromJob = ok(step(model, "{\"jobId\": \"" + job + "\", \"epoch\": 1, \"offset\": 100, \"rows\": 1}"));
        JsonNode inline = ok(step(model, "{\"jobId\": \"" + job + "\", \"epoch\": 1, "
                + "\"instances\": [[6.3, 3.3, 6.0, 2.5]], \"targets\": [2]}"));

        assertClose(inline.path("input"), fromJob.path("input"), 1e-6);
        assertThat(inline.path("target")).isEqualTo(fromJob.path("target"));
        assertClose(inline.path("parametersAfter"), fromJob.path("parametersAfter"), 1e-6);
    }

    @Test
    void withoutADatasetOrJobInlineRowsAreTheNetworksInputsAndTargets() throws Exception {
        JsonNode step = ok(step(model, """
                {"instances": [[0.5, -1, 2, 0], [1, 1, 1, 1]], "targets": [[1, 0, 0], [0, 0, 1]],
                 "optimizer": {"type": "sgd", "learningRate": 0.5}, "dtype": "float64"}"""));

        assertThat(step.path("input").get(0).get(0).asDouble()).isEqualTo(0.5);
        assertThat(step.path("target").get(1).get(2).asDouble()).isEqualTo(1.0);
        // plain SGD: the update is -lr times the gradient
        double gradient = step.path("layers").get(2).path("dLdb").get(0).asDouble();
        double update = step.path("layers").get(2).path("update").path("bias").get(0).asDouble();
        assertThat(update).isCloseTo(-0.5 * gradient, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        String unknown = "00000000-0000-0000-0000-000000000001";
        assertThat(step(unknown, "{\"datasetId\": \"" + iris + "\"}").status()).isEqualTo(404);
        assertThat(step(model, "{\"jobId\": \"" + unknown + "\"}").status()).isEqualTo(404);
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", \"rows\": 257}"), "/rows", "1 to 256");
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", \"offset\": 140, \"rows\": 20}"), "/rows",
                "past the end");
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", \"offset\": 150}"), "/offset", "[0, 149]");
        assertProblem(step(model, "{\"datasetId\": \"" + unknown + "\"}"), "/datasetId", "No dataset");
        assertProblem(step(model, "{\"jobId\": \"" + job + "\", \"epoch\": 7}"), "/epoch", "keeps no checkpoint");
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", \"dtype\": \"float16\"}"), "/dtype", "float16");
        assertProblem(step(model, "{\"instances\": [[1, 2, 3, 4]], \"targets\": [[1, 0]]}"), "/targets",
                "3 outputs");
        assertProblem(step(model, "{\"instances\": [[1, \"x\", 3, 4]], \"targets\": [[1, 0, 0]]}"), "/instances/0/1",
                "not a finite number");
        String rawRow = "\"instances\": [[5.1, 3.5, 1.4, 0.2]]";
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", " + rawRow + ", \"targets\": [\"setosa\"]}"),
                "/targets/0", "not one of the classes ['0', '1', '2']");
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", " + rawRow + ", \"targets\": [[1, 0, 0]]}"),
                "/targets/0", "not one of the classes");
        assertProblem(step(model, "{\"datasetId\": \"" + iris + "\", \"instances\": [[5.1, 3.5]], \"targets\": [0]}"),
                "/instances/0", "");
        assertProblem(step(model, "{\"jobId\": \"" + job + "\", \"datasetId\": \"" + iris + "\", " + rawRow
                + ", \"targets\": [0]}"), "/datasetId", "job's own");

        String threeInputs = api.model("""
                {"name": "three inputs", "inputs": 3, "layers": [{"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}""");
        assertProblem(step(threeInputs, "{\"datasetId\": \"" + iris + "\"}"), "/datasetId", "expects 3 inputs");

        String wide = api.model("""
                {"name": "wide", "layers": [{"type": "dense", "units": 64, "activation": "relu"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}""");
        assertProblem(step(wide, "{\"datasetId\": \"" + iris + "\"}"), "/rows", "more than the limit of 20000");
    }

    private Reply step(String modelId, String body) throws Exception {
        return api.postJson("/api/v1/models/" + modelId + "/step", body);
    }

    static JsonNode ok(Reply response) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static void assertProblem(Reply response, String pointer, String says) throws Exception {
        String body = response.body();
        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("errors").get(0).path("pointer").asString()).as(body).isEqualTo(pointer);
        assertThat(problem.path("detail").asString()).as(body).contains(says);
    }
}
