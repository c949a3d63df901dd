package dev.chainrule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;

import dev.chainrule.client.ApiClient;
import dev.chainrule.client.ApiException;
import dev.chainrule.client.ApiResponse;
import dev.chainrule.client.api.DatasetsApi;
import dev.chainrule.client.api.JobsApi;
import dev.chainrule.client.api.ModelsApi;
import dev.chainrule.client.api.PredictionsApi;
import dev.chainrule.client.model.AdamOptimizer;
import dev.chainrule.client.model.CreateJobRequest;
import dev.chainrule.client.model.CreateJobRequestOptimizer;
import dev.chainrule.client.model.DatasetResponse;
import dev.chainrule.client.model.HistoryEntry;
import dev.chainrule.client.model.JobView;
import dev.chainrule.client.model.LayerDefinition;
import dev.chainrule.client.model.ModelRequest;
import dev.chainrule.client.model.ModelResponse;
import dev.chainrule.client.model.Prediction;
import dev.chainrule.client.model.PredictionRequest;
import dev.chainrule.client.model.PredictionResponse;
import dev.chainrule.client.model.Problem;
import dev.chainrule.support.ServiceProcess;

/**
 * The README's walk-through (upload, model, job, poll, history, predictions) through the Java client
 * that the build generates from {@code openapi/openapi.yaml}, against the packaged jar: no HTTP written
 * by hand, no generated code edited. The client reads answers strictly, so a field the document does not
 * declare, a status or content type it does not list, or a null it does not allow breaks this test.
 */
class ApiClientIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void theWalkthroughRunsThroughTheGeneratedClient() throws Exception {
        String jar = System.getProperty("chainrule.jar");
        assertThat(jar).as("system property chainrule.jar (set by the failsafe configuration)").isNotBlank();
        try (ServiceProcess service = ServiceProcess.start("client", Path.of(jar), workDir, Map.of(),
                List.of("--chainrule.data-dir=" + workDir.resolve("data")))) {
            service.awaitHealthy(Duration.ofMinutes(4));
            ApiClient client = new ApiClient();
            client.updateBaseUri(service.baseUrl());
            String key = service.adminKey();
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
            client.setObjectMapper(client.getObjectMapper().copy()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            walkThrough(client);
        }
    }

    private void walkThrough(ApiClient client) throws Exception {
        DatasetResponse dataset = new DatasetsApi(client).uploadDataset(
                Files.readString(Path.of("examples", "datasets", "iris.csv"), StandardCharsets.UTF_8), "iris", null, null,
                null);
        assertThat(dataset.getRows()).isEqualTo(150);

        ModelResponse model = new ModelsApi(client).createModel(new ModelRequest().name("iris-mlp")
                .addLayersItem(new LayerDefinition().type("dense").units(16).activation("relu"))
                .addLayersItem(new LayerDefinition().type("dense").units(3).activation("softmax"))
                .loss("cross_entropy").seed(42L));

        JobsApi jobs = new JobsApi(client);
        ApiResponse<JobView> accepted = jobs.createJobWithHttpInfo(new CreateJobRequest().modelId(model.getId())
                .datasetId(dataset.getId()).epochs(40).batchSize(16)
                .optimizer(new CreateJobRequestOptimizer(new AdamOptimizer().learningRate(0.01).type("adam"))));
        assertThat(accepted.getStatusCode()).isEqualTo(202);
        UUID jobId = accepted.getData().getId();
        assertThat(accepted.getHeaders().get("location")).containsExactly("/api/v1/jobs/" + jobId);

        JobView job = awaitFinished(jobs, jobId);
        assertThat(job.getStatus()).as("error: %s", job.getError()).isEqualTo(JobView.StatusEnum.SUCCEEDED);
        assertThat(job.getEpoch()).isEqualTo(40);
        assertThat(job.getFinishedAt()).isNotNull();
        assertThat(job.getError()).isNull();

        List<HistoryEntry> history = jobs.getJobHistory(jobId);
        assertThat(history).hasSize(40);
        assertThat(history.get(39).getLoss()).isLessThan(history.get(0).getLoss());

        PredictionResponse answer = new PredictionsApi(client).predict(jobId, new PredictionRequest()
                .addInstancesItem(List.of(5.1, 3.5, 1.4, 0.2))
                .addInstancesItem(Map.of("sepal_length_cm", "6.7", "sepal_width_cm", 3.0, "petal_length_cm", 5.2,
                        "petal_width_cm", "?")));
        assertThat(answer.getPredictions()).hasSize(2);
        Prediction first = answer.getPredictions().get(0);
        assertThat(first.getLabel()).isEqualTo("0");
        assertThat(first.getProbabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));

        ApiException missing = catchThrowableOfType(ApiException.class, () -> jobs.getJob(UUID.randomUUID()));
        assertThat(missing.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(missing.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getType()).isEqualTo("/problems/not-found");
    }

    private static JobView awaitFinished(JobsApi jobs, UUID id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JobView job = jobs.getJob(id);
        while (job.getStatus() == JobView.StatusEnum.QUEUED || job.getStatus() == JobView.StatusEnum.RUNNING) {
            assertThat(Instant.now()).as("job %s finished in time", id).isBefore(deadline);
            Thread.sleep(250);
            job = jobs.getJob(id);
        }
        return job;
    }
}
