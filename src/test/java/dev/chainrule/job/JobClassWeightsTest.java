package dev.chainrule.job;

import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

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

/** Class weights through the API, and the per-class metrics a finished classification job reports. */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobClassWeightsTest {

    static final String LINEAR_MODEL = """
            {"name": "linear", "layers": [{"type": "dense", "units": 2, "activation": "softmax"}],
             "loss": "cross_entropy", "seed": 1}""";
    static final String OPTIONS = """
            "epochs": 15, "batchSize": 64, "optimizer": {"type": "adam", "learningRate": 0.05}, "seed": 2,
            "validationSplit": 0.3""";

    @Autowired
    MockMvc mvc;
    Training api;
    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
        api = new Training(ApiClient.of(mvc));
    }

    @Test
    void balancedWeightsRaiseTheMinorityClasssRecallOnAnImbalancedDataset() {
        String dataset = api.upload("imbalanced.csv", imbalanced(), "task", "classification");
        String model = api.model(LINEAR_MODEL);

        JsonNode plain = finished(api.queue(model, dataset, OPTIONS));
        JsonNode balanced = finished(api.queue(model, dataset, OPTIONS + ", \"classWeights\": \"balanced\""));

        JsonNode before = plain.path("evaluation");
        JsonNode after = balanced.path("evaluation");
        assertThat(before.path("classes").toString()).isEqualTo("[\"common\",\"rare\"]");
        int rare = 1;
        assertThat(after.path("recall").get(rare).asDouble()).as("rare recall, balanced vs plain: %s vs %s", after, before)
                .isGreaterThan(before.path("recall").get(rare).asDouble() + 0.2);
        assertThat(after.path("balancedAccuracy").asDouble()).isGreaterThan(before.path("balancedAccuracy").asDouble());
        assertThat(balanced.path("classWeights").asString()).isEqualTo("balanced");
        // the confusion matrix counts every validation row: 30 % of 1000
        int counted = 0;
        for (JsonNode row : after.path("confusionMatrix")) {
            for (JsonNode cell : row) {
                counted += cell.asInt();
            }
        }
        assertThat(counted).isEqualTo(300);
    }

    @Test
    void explicitWeightsNameTheirLabelsAndBadOnesAreRefusedWithTheirPointers() {
        String dataset = api.upload("imbalanced.csv", imbalanced(), "task", "classification");
        String regression = api.uploadExample("diabetes.csv", "task", "regression");
        String model = api.model(LINEAR_MODEL);

        String weighted = api.queue(model, dataset, "\"epochs\": 1, \"classWeights\": {\"rare\": 10}");
        Reply unknownLabel = job(model, dataset, "\"classWeights\": {\"scarce\": 2, \"rare\": -1}");
        Reply unknownName = job(model, dataset, "\"classWeights\": \"even\"");
        Reply regressionWeights = job(api.model("""
                {"name": "r", "layers": [{"type": "dense", "units": 1, "activation": "identity"}], "loss": "mse"}"""),
                regression, "\"classWeights\": \"balanced\"");

        assertThat(api.job(weighted).path("classWeights").path("rare").asDouble()).isEqualTo(10.0);
        assertThat(unknownLabel.status()).isEqualTo(400);
        assertThat(unknownLabel.pointers()).isEqualTo("/classWeights/rare");
        assertThat(job(model, dataset, "\"classWeights\": {\"scarce\": 2}").expectProblem(422).pointers())
                .isEqualTo("/classWeights/scarce");
        assertThat(unknownName.status()).isEqualTo(400);
        assertThat(unknownName.pointers()).isEqualTo("/classWeights");
        assertThat(regressionWeights.expectProblem(422).body()).contains("classification");
    }

    private Reply job(String model, String dataset, String options) {
        return http.post("/api/v1/jobs", "{\"modelId\": \"" + model + "\", \"datasetId\": \"" + dataset + "\", "
                + options + "}");
    }

    private JsonNode finished(String job) {
        return api.await(job, status("succeeded"), Duration.ofMinutes(2));
    }

    /** 950 "common" rows around the origin and 50 "rare" ones shifted by one deviation: they overlap. */
    private static String imbalanced() {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("x1,x2,label\n");
        for (int i = 0; i < 1000; i++) {
            boolean rare = i % 20 == 0;
            double shift = rare ? 1.5 : 0;
            csv.append(String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s%n", random.nextGaussian() + shift,
                    random.nextGaussian() + shift, rare ? "rare" : "common"));
        }
        return csv.toString();
    }
}
