package dev.chainrule.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;

/** Upload iris, define a model, train it in a job, then ask the trained model through both endpoints. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PredictionEndToEndTest {

    @Autowired
    MockMvc mvc;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @Test
    void aTrainedJobPredictsIrisClassesAndScoresItsDataset() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("examples", "datasets", "iris.csv"));
        String dataset = http.postMultipart("/api/v1/datasets", "iris.csv", csv, Map.of("task", "classification"))
                .expect(201).body();
        String model = http.post("/api/v1/models", """
                {"name": "iris", "layers": [{"type": "dense", "units": 16, "activation": "tanh"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 1}""").expect(201).body();
        String job = http.post("/api/v1/jobs", """
                {"modelId": "%s", "datasetId": "%s", "epochs": 30, "batchSize": 32, "validationSplit": 0, "checkpointEvery": 30,
                 "optimizer": {"type": "adam", "learningRate": 0.05}, "seed": 3}"""
                .formatted(JsonPath.read(model, "$.id"), JsonPath.read(dataset, "$.id"))).body();
        String jobId = JsonPath.read(job, "$.id");
        String predictions = "/api/v1/jobs/" + jobId + "/predictions";

        awaitSuccess(jobId);

        http.post(predictions, """
                {"instances": [[5.1, 3.5, 1.4, 0.2],
                               {"sepal_length_cm": 6.7, "sepal_width_cm": 3.0, "petal_length_cm": 5.2,
                                "petal_width_cm": 2.3}]}""")
                .expect(200)
                .expectJson("$.predictions[0].label", "0")
                .expectJson("$.predictions[1].label", "2");
        String scored = http.get(predictions + "?datasetId=" + JsonPath.read(dataset, "$.id")
                + "&offset=0&limit=150").expect(200).body();
        List<Map<String, Object>> rows = JsonPath.read(scored, "$.predictions");
        long correct = rows.stream().filter(r -> r.get("label").equals(r.get("actual"))).count();
        assertThat(rows).hasSize(150);
        assertThat(correct).as("training accuracy on iris").isGreaterThanOrEqualTo(140);
    }

    private void awaitSuccess(String jobId) throws Exception {
        String view = "";
        for (int attempt = 0; attempt < 600; attempt++) {
            view = http.get("/api/v1/jobs/" + jobId).body();
            String status = JsonPath.read(view, "$.status");
            if (!status.equals("queued") && !status.equals("running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat((String) JsonPath.read(view, "$.status")).as(view).isEqualTo("succeeded");
    }
}
