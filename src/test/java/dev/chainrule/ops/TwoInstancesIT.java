package dev.chainrule.ops;

import static dev.chainrule.support.Prometheus.EPOCHS_TRAINED;
import static dev.chainrule.support.Prometheus.JOBS_SUCCEEDED;
import static dev.chainrule.support.Prometheus.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.JobTable;
import dev.chainrule.support.PostgresServer;
import dev.chainrule.support.ServiceGroup;
import dev.chainrule.support.ServiceProcess;
import dev.chainrule.support.TestDatabase;
import tools.jackson.databind.JsonNode;

/**
 * Two service processes, the packaged jar, share one PostgreSQL database: jobs submitted through
 * both are each trained exactly once, and a job whose instance is killed (SIGKILL) is taken over
 * and finished by the other. The database is a fresh one on the run's {@link PostgresServer}: the
 * configured server, or the embedded one this JVM starts.
 */
class TwoInstancesIT {

    private static final int JOBS = 20;
    private static final int EPOCHS = 5;
    private static final int LONG_EPOCHS = 300;
    // Generous: on a shared 2-core machine two JVMs starting ND4J at once can take minutes.
    private static final Duration STARTUP = Duration.ofMinutes(8);

    // Kept when the test fails: the two services' logs are there.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void everyJobIsTrainedOnceAndAKilledInstancesJobIsFinishedByTheOther() throws Exception {
        try (TestDatabase database = PostgresServer.get().createDatabase();
             ServiceGroup group = new ServiceGroup(ServiceGroup.packagedJar(), workDir, database, List.of(
                     "--chainrule.runner.poll-interval=200ms",
                     "--chainrule.runner.heartbeat-interval=500ms",
                     // Short, so that the survivor takes the killed instance's job over quickly.
                     "--chainrule.runner.lease=3s"))) {
            ServiceProcess a = group.start("instance-a", "all");
            ServiceProcess b = group.start("instance-b", "all");
            a.awaitHealthy(STARTUP);
            b.awaitHealthy(STARTUP);
            String xor = uploadDataset(a, "xor");
            String iris = uploadDataset(b, "iris");
            String xorModel = createModel(b, 4, 2);
            String irisModel = createModel(a, 8, 3);

            List<String> jobs = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                jobs.add(submitJob(i % 2 == 0 ? a : b, xorModel, xor, EPOCHS, i));
            }
            for (int i = 0; i < JOBS; i++) {
                // Asked of the instance that did not take the submission: both see every job.
                assertFinishedWithFullHistory(i % 2 == 0 ? b : a, jobs.get(i), EPOCHS);
            }
            // Each instance counts the epochs and jobs it trained itself: a job claimed twice would
            // be counted twice.
            assertThat(sum(EPOCHS_TRAINED, a, b)).isEqualTo(JOBS * EPOCHS);
            assertThat(sum(JOBS_SUCCEEDED, a, b)).isEqualTo(JOBS);

            String longJob = submitJob(a, irisModel, iris, LONG_EPOCHS, 99);
            String owner = awaitRunningPastFirstEpochs(a, longJob, database);
            ServiceProcess victim = owner.equals("instance-a") ? a : b;
            ServiceProcess survivor = victim == a ? b : a;
            long finishedBySurvivor = sum(JOBS_SUCCEEDED, survivor);
            victim.kill();

            assertFinishedWithFullHistory(survivor, longJob, LONG_EPOCHS);
            assertThat(sum(JOBS_SUCCEEDED, survivor)).as("the survivor finished the killed instance's job")
                    .isEqualTo(finishedBySurvivor + 1);
            assertThat(survivor.log()).as("the survivor's lines about the job carry its id")
                    .contains(" job=" + longJob + " ");
        }
    }

    private String uploadDataset(ServiceProcess instance, String name) throws Exception {
        String csv = Files.readString(Path.of("examples/datasets/" + name + ".csv"));
        return instance.api().postCsv("/api/v1/datasets?name=" + name, csv).ok().path("id").asString();
    }

    private String createModel(ServiceProcess instance, int hidden, int outputs) throws Exception {
        return instance.api().post("/api/v1/models", """
                {"name": "two-instances", "layers": [
                  {"type": "dense", "units": %d, "activation": "tanh"},
                  {"type": "dense", "units": %d, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 1}""".formatted(hidden, outputs)).ok().path("id").asString();
    }

    private String submitJob(ServiceProcess instance, String model, String dataset, int epochs, long seed)
            throws Exception {
        return instance.api().post("/api/v1/jobs", """
                {"modelId": "%s", "datasetId": "%s", "epochs": %d, "batchSize": 4,
                 "optimizer": {"type": "sgd", "learningRate": 0.1}, "validationSplit": 0, "seed": %d}"""
                .formatted(model, dataset, epochs, seed)).ok().path("id").asString();
    }

    private void assertFinishedWithFullHistory(ServiceProcess instance, String job, int epochs) throws Exception {
        JsonNode state = awaitFinal(instance, job, Duration.ofMinutes(5));
        assertThat(state.path("status").asString()).as("job %s: %s", job, state).isEqualTo("succeeded");
        JsonNode history = instance.api().get("/api/v1/jobs/" + job + "/history").ok();
        List<Integer> recorded = new ArrayList<>();
        history.forEach(row -> recorded.add(row.path("epoch").asInt()));
        assertThat(recorded).as("history of job %s", job).hasSize(epochs).isSorted().doesNotHaveDuplicates();
        assertThat(recorded.get(0)).isEqualTo(1);
        assertThat(recorded.get(epochs - 1)).isEqualTo(epochs);
    }

    private JsonNode awaitFinal(ServiceProcess instance, String job, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode state;
        do {
            state = instance.api().get("/api/v1/jobs/" + job).ok();
            String status = state.path("status").asString();
            if (!status.equals("queued") && !status.equals("running")) {
                return state;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("job " + job + " still " + state + " after " + timeout);
    }

    private String awaitRunningPastFirstEpochs(ServiceProcess instance, String job, TestDatabase database)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode state = instance.api().get("/api/v1/jobs/" + job).ok();
            assertThat(state.path("status").asString()).as("job %s must not finish before the kill", job)
                    .isIn("queued", "running");
            String owner = new JobTable(database).owner(job);
            if (state.path("epoch").asInt() >= 2 && owner != null) {
                return owner;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + job + " did not get past its second epoch");
    }
}
