package dev.chainrule.glassbox;

import static dev.chainrule.glassbox.StepApiTest.assertProblem;
import static dev.chainrule.glassbox.StepApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

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

/** The gradient check over HTTP: correct models pass (mse on one-hot classes among them), bad input is a 422. */
@SpringBootTest(properties = "chainrule.glassbox.max-check-work=1000000000")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradientCheckApiTest {

    @Autowired
    MockMvc mvc;

    private Training api;
    private String iris;
    private String xor;

    @BeforeAll
    void upload() throws Exception {
        api = new Training(ApiClient.of(mvc));
        iris = api.uploadExample("iris.csv", "task", "classification");
        xor = api.uploadExample("xor.csv", "task", "classification");
    }

    @Test
    void aSoftmaxCrossEntropyModelPasses() throws Exception {
        String model = api.model("""
                {"name": "iris", "layers": [{"type": "dense", "units": 8, "activation": "tanh"},
                                            {"type": "dropout", "rate": 0.5},
                                            {"type": "dense", "units": 6, "activation": "elu"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 2, "l2": 0.001}""");

        JsonNode check = ok(check(model, "{\"datasetId\": \"" + iris + "\", \"seed\": 4}"));

        assertThat(check.path("passed").asBoolean()).as("%s", check).isTrue();
        assertThat(check.path("threshold").asDouble()).isEqualTo(1e-5);
        assertThat(check.path("maxRelativeError").asDouble()).isLessThanOrEqualTo(1e-5);
        JsonNode layers = check.path("layers");
        assertThat(layers.size()).isEqualTo(9);
        assertThat(layers.get(0).path("parameter").asString()).isEqualTo("input");
        assertThat(layers.get(0).path("checked").asInt()).isEqualTo(64);          // 16 rows × 4 features
        assertThat(layers.get(3).path("layer").asInt()).as("the model's index, dropout counted").isEqualTo(2);
        assertThat(layers.get(4).path("parameter").asString()).isEqualTo("weights");
        assertThat(layers.get(4).path("checked").asInt()).isEqualTo(48);
    }

    @Test
    void mseOnOneHotClassesWithSigmoidOutputsPasses() throws Exception {
        String model = api.model("""
                {"name": "iris mse", "layers": [{"type": "dense", "units": 5, "activation": "sigmoid"},
                                                {"type": "dense", "units": 3, "activation": "sigmoid"}],
                 "loss": "mse", "seed": 9}""");

        JsonNode check = ok(check(model, "{\"datasetId\": \"" + iris + "\", \"rows\": 32, \"samplesPerLayer\": 50}"));

        assertThat(check.path("passed").asBoolean()).as("%s", check).isTrue();
        assertThat(check.path("layers").get(1).path("checked").asInt()).isEqualTo(20);
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        String model = api.model("""
                {"name": "xor", "layers": [{"type": "dense", "units": 2, "activation": "sigmoid"},
                                           {"type": "dense", "units": 1, "activation": "sigmoid"}], "loss": "mse"}""");
        assertThat(check("00000000-0000-0000-0000-000000000001", "{\"datasetId\": \"" + xor + "\"}").status())
                .isEqualTo(404);
        assertProblem(check(model, "{\"datasetId\": \"" + xor + "\"}"), "/rows", "has only 4 rows");
        assertProblem(check(model, "{\"datasetId\": \"" + xor + "\", \"rows\": 300}"), "/rows", "1 to 256");
        assertProblem(check(model, "{\"datasetId\": \"" + xor + "\", \"rows\": 4, \"samplesPerLayer\": 0}"),
                "/samplesPerLayer", "1 to 10000");
        assertProblem(check(model, "{\"datasetId\": \"" + iris + "\"}"), "/datasetId", "1 outputs");
        assertProblem(check(model, "{\"rows\": 4}"), "/datasetId", "required");

        String huge = api.model("""
                {"name": "huge", "layers": [{"type": "dense", "units": 4096, "activation": "tanh"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}""");
        assertProblem(check(huge, "{\"datasetId\": \"" + iris + "\"}"), "/samplesPerLayer", "more than the limit");
    }

    private Reply check(String modelId, String body) throws Exception {
        return api.postJson("/api/v1/models/" + modelId + "/gradient-check", body);
    }
}
