package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;

/**
 * Telemetry of a job that has not trained (no runner in this instance), of one that does not exist,
 * and bad query values.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chainrule.runner.enabled=false")
@ActiveProfiles("test")
class JobTelemetryBeforeTrainingTest {

    @LocalServerPort
    int port;
    Training api;
    String queued;

    @BeforeEach
    void aQueuedJob() {
        api = new Training(ApiClient.atPort(port));
        queued = api.queue(api.model(JobTrainingTest.XOR_MODEL), api.uploadExample("xor.csv", "task", "classification"),
                "\"validationSplit\": 0");
    }

    @Test
    void aJobWithNoEpochYetHasAnEmptyListAndNoFindings() {
        assertThat(api.job(queued).path("status").asString()).isEqualTo("queued");

        Reply layers = api.api().get("/api/v1/jobs/" + queued + "/layers");
        assertThat(layers.status()).isEqualTo(200);
        assertThat(layers.json().isArray()).isTrue();
        assertThat(layers.json().size()).isZero();
        Reply diagnosis = api.api().get("/api/v1/jobs/" + queued + "/diagnosis");
        assertThat(diagnosis.status()).isEqualTo(200);
        assertThat(diagnosis.json().path("findings").isArray()).isTrue();
        assertThat(diagnosis.json().path("findings").size()).isZero();
    }

    @Test
    void anUnknownJobIsA404Problem() {
        for (String path : new String[] {"/layers", "/diagnosis"}) {
            Reply response = api.api().get("/api/v1/jobs/" + UUID.randomUUID() + path);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void badQueryValuesAreProblemsNamingTheParameter() {
        assertBadParameter("?layer=-1", "layer");
        assertBadParameter("?fromEpoch=0", "fromEpoch");
        assertBadParameter("?layer=first", "layer");
        assertBadParameter("?fromEpoch=1.5", "fromEpoch");
    }

    private void assertBadParameter(String query, String parameter) {
        Reply response = api.api().get("/api/v1/jobs/" + queued + "/layers" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("errors").path(0).path("field").asString()).as(response.body())
                .isEqualTo(parameter);
        assertThat(response.json().path("detail").asString()).contains(parameter);
    }
}
