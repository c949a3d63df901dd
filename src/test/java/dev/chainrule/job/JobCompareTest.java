package dev.chainrule.job;

import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/jobs/compare}: histories aligned by epoch, options side by side with differences marked. */
@SpringBootTest(properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobCompareTest {

    @Autowired
    MockMvc mvc;

    @Test
    void historiesAlignByEpochAndDifferingOptionsAreMarked() {
        ApiClient http = ApiClient.of(mvc);
        Training api = new Training(http);
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String model = api.model(JobTrainingTest.IRIS_MODEL);
        String two = api.queue(model, dataset, "\"epochs\": 2, \"optimizer\": {\"learningRate\": 0.01}, \"seed\": 4");
        String three = api.queue(model, dataset, "\"epochs\": 3, \"optimizer\": {\"learningRate\": 0.05}, \"seed\": 4");
        api.await(two, status("succeeded"), Duration.ofMinutes(2));
        api.await(three, status("succeeded"), Duration.ofMinutes(2));

        JsonNode compared = http.get("/api/v1/jobs/compare?ids=" + two + "," + three).ok();

        assertThat(compared.path("jobs").toString()).isEqualTo("[\"" + two + "\",\"" + three + "\"]");
        JsonNode epochs = compared.path("epochs");
        assertThat(epochs.size()).isEqualTo(3);
        assertThat(epochs.get(2).path("jobs").get(0).isNull()).isTrue();
        assertThat(epochs.get(2).path("jobs").get(1).path("epoch").asInt()).isEqualTo(3);
        assertThat(epochs.get(0).path("jobs").get(0).path("loss").asDouble()).isPositive();
        JsonNode learningRate = option(compared, "optimizer.learningRate");
        assertThat(learningRate.path("values").toString()).isEqualTo("[0.01,0.05]");
        assertThat(learningRate.path("differs").asBoolean()).isTrue();
        assertThat(option(compared, "seed").path("differs").asBoolean()).isFalse();
        assertThat(option(compared, "datasetId").path("differs").asBoolean()).isFalse();

        assertThat(http.get("/api/v1/jobs/compare?ids=" + two).expectProblem(400).body()).contains("ids");
        assertThat(http.get("/api/v1/jobs/compare?ids=" + two + ",nope").expectProblem(400).body()).contains("nope");
        UUID unknown = UUID.randomUUID();
        assertThat(http.get("/api/v1/jobs/compare?ids=" + two + "," + unknown).expectProblem(404).body())
                .contains(unknown.toString());
    }

    private static JsonNode option(JsonNode compared, String name) {
        for (JsonNode row : compared.path("options")) {
            if (row.path("option").asString().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no option " + name + " in " + compared.path("options"));
    }
}
