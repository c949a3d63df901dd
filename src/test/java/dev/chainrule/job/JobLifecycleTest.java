package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.dataset.DatasetUsage;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;

/**
 * The lifecycle calls that need no training, on the whole service and its database: the runner is
 * off, so created jobs stay queued. (How requests are refused is {@link JobRequestTest}'s part.)
 */
@SpringBootTest(properties = "chainrule.runner.enabled=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class JobLifecycleTest {

    private static final String XOR_MODEL = """
            {"name": "xor", "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
             {"type": "dense", "units": 2, "activation": "softmax"}], "loss": "cross_entropy"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    DatasetUsage usage;

    ApiClient http;
    Training training;
    String model;
    String dataset;

    @BeforeEach
    void modelAndDataset() {
        http = ApiClient.of(mvc);
        training = new Training(http);
        model = training.model(XOR_MODEL);
        dataset = training.uploadExample("xor.csv", "task", "classification");
    }

    private String create(String extra) {
        return training.queue(model, dataset, "\"validationSplit\": 0" + extra);
    }

    @Test
    void aCreatedJobIsStoredQueuedAndListedByItsStatus() {
        String id = create(", \"epochs\": 5");

        Reply fetched = http.get("/api/v1/jobs/" + id).expect(200);
        assertThat(fetched.json().path("status").asString()).isEqualTo("queued");
        assertThat(fetched.json().path("epochs").asInt()).isEqualTo(5);
        assertThat(fetched.json().path("progress").asDouble()).isZero();
        assertThat(training.read("/api/v1/jobs?status=queued&size=100").path("content").findValuesAsString("id"))
                .contains(id);
        assertThat(training.read("/api/v1/jobs?status=running").path("content").findValuesAsString("id"))
                .doesNotContain(id);
    }

    @Test
    void aJobKeepsItsPriority() {
        String urgent = create(", \"priority\": 1000");
        String plain = create("");

        assertThat(training.job(urgent).path("priority").asInt()).isEqualTo(1000);
        assertThat(training.job(plain).path("priority").asInt()).isZero();
    }

    @Test
    void aQueuedJobIsCancelledAtOnceAndASecondCancelIs409() {
        String id = create("");
        assertThat(usage.inUseByActiveJob(UUID.fromString(dataset))).isTrue();

        Reply cancelled = http.post("/api/v1/jobs/" + id + "/cancel", "");
        Reply again = http.post("/api/v1/jobs/" + id + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().path("finishedAt").isNull()).isFalse();
        again.expectProblem(409);
        assertThat(usage.inUseByActiveJob(UUID.fromString(dataset))).isFalse();
    }

    @Test
    void aJobWithoutEpochsHasEmptyHistoryAndNoParametersYet() {
        String id = create("");

        assertThat(training.read("/api/v1/jobs/" + id + "/history").isEmpty()).isTrue();
        assertThat(training.read("/api/v1/jobs/" + id + "/checkpoints").isEmpty()).isTrue();
        http.get("/api/v1/jobs/" + id + "/parameters").expectProblem(409);
    }
}
