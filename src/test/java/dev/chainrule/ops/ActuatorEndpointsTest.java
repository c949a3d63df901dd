package dev.chainrule.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;

/** What an operator reads from a running instance: health, info, Prometheus metrics, job-tagged logs. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ActuatorEndpointsTest {

    private static final Logger log = LoggerFactory.getLogger(ActuatorEndpointsTest.class);

    @Autowired
    MockMvc mvc;

    @Autowired
    JobMetrics jobMetrics;

    private String get(String path) {
        return ApiClient.of(mvc).get(path).expect(200).body();
    }

    @Test
    void healthShowsTheDatabaseAndTheRunner() throws Exception {
        assertThat(get("/actuator/health")).contains("\"db\":{")
                .containsPattern("\"runner\":\\{\"details\":\\{[^}]*\"enabled\":true[^}]*},\"status\":\"UP\"");
    }

    @Test
    void infoShowsTheBuildVersionAndJava() throws Exception {
        assertThat(get("/actuator/info"))
                .containsPattern("\"build\":\\{[^}]*\"artifact\":\"chainrule\"")
                .containsPattern("\"version\":\"\\d+\\.\\d+\\.\\d+[^\"]*\"")
                .contains("\"java\":{");
    }

    @Test
    void prometheusExportsTrainingMetrics() throws Exception {
        jobMetrics.epochFinished(Duration.ofMillis(250), 1234.0);
        assertThat(get("/actuator/prometheus"))
                .containsPattern("chainrule_epochs_trained_total\\{application=\"chainrule\"} [1-9]")
                .contains("chainrule_epoch_duration_seconds_count")
                .contains("chainrule_epoch_samples_per_second_max")
                .containsPattern("chainrule_jobs\\{application=\"chainrule\",state=\"queued\"} \\d");
    }

    @Test
    void linesLoggedForAJobCarryItsId(CapturedOutput output) {
        UUID jobId = UUID.randomUUID();
        try (var ignored = JobLogContext.forJob(jobId)) {
            log.info("epoch finished");
        }
        log.info("not about a job");
        assertThat(output.getOut()).containsPattern("INFO job=" + jobId + " .*epoch finished")
                .doesNotContainPattern("job=.*not about a job")
                .containsPattern("INFO \\d+ .*not about a job");
    }
}
