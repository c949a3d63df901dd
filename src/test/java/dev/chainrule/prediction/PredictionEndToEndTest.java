package dev.chainrule.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Upload iris, define a model, train it in a job, then ask the trained model through both endpoints. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PredictionEndToEndTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aTrainedJobPredictsIrisClassesAndScoresItsDataset() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("examples", "datasets", "iris.csv"));
        String dataset = mvc.perform(multipart("/api/v1/datasets")
                .file(new MockMultipartFile("file", "iris.csv", "text/csv", csv))
                .param("task", "classification")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String model = mvc.perform(post("/api/v1/models").contentType(MediaType.APPLICATION_JSON).content("""
                {"name": "iris", "layers": [{"type": "dense", "units": 16, "activation": "tanh"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 1}""")).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String job = mvc.perform(post("/api/v1/jobs").contentType(MediaType.APPLICATION_JSON).content("""
                {"modelId": "%s", "datasetId": "%s", "epochs": 30, "batchSize": 32, "validationSplit": 0, "checkpointEvery": 30,
                 "optimizer": {"type": "adam", "learningRate": 0.05}, "seed": 3}"""
                .formatted(JsonPath.read(model, "$.id"), JsonPath.read(dataset, "$.id"))))
                .andReturn().getResponse().getContentAsString();
        String jobId = JsonPath.read(job, "$.id");
        String predictions = "/api/v1/jobs/" + jobId + "/predictions";

        awaitSuccess(jobId);

        mvc.perform(post(predictions).contentType(MediaType.APPLICATION_JSON).content("""
                {"instances": [[5.1, 3.5, 1.4, 0.2],
                               {"sepal_length_cm": 6.7, "sepal_width_cm": 3.0, "petal_length_cm": 5.2,
                                "petal_width_cm": 2.3}]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].label").value("0"))
                .andExpect(jsonPath("$.predictions[1].label").value("2"));
        String scored = mvc.perform(get(predictions + "?datasetId=" + JsonPath.read(dataset, "$.id")
                + "&offset=0&limit=150")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> rows = JsonPath.read(scored, "$.predictions");
        long correct = rows.stream().filter(r -> r.get("label").equals(r.get("actual"))).count();
        assertThat(rows).hasSize(150);
        assertThat(correct).as("training accuracy on iris").isGreaterThanOrEqualTo(140);
    }

    private void awaitSuccess(String jobId) throws Exception {
        String view = "";
        for (int attempt = 0; attempt < 600; attempt++) {
            view = mvc.perform(get("/api/v1/jobs/" + jobId)).andReturn().getResponse().getContentAsString();
            String status = JsonPath.read(view, "$.status");
            if (!status.equals("queued") && !status.equals("running")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat((String) JsonPath.read(view, "$.status")).as(view).isEqualTo("succeeded");
    }
}
