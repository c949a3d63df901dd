package dev.chainrule.job;

import static dev.chainrule.support.Training.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import dev.chainrule.support.ServiceProcess;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the packaged jar as a real process on a file database, kills it with SIGKILL mid-training,
 * restarts it, stops it with SIGTERM mid-training, restarts it again, and checks that the job ends
 * with exactly the parameters and history of the same job trained without interruption, and with
 * one row of per-layer telemetry per epoch and layer, equal to the uninterrupted job's except in the
 * epoch the graceful stop interrupted (its averages cover only the batches run after the resume).
 */
class JobRecoveryIT {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final int EPOCHS = 120;
    private static final String MODEL = """
            {"name": "digits", "layers": [{"type": "dense", "units": 32, "activation": "relu"},
             {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "cross_entropy", "seed": 11}""";
    private static final String OPTIONS = """
            "epochs": %d, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.001},
            "seed": 21, "checkpointEvery": 1""".formatted(EPOCHS);

    // Kept when the test fails: the three processes' logs are there.
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path workDir;

    @Test
    void aJobKilledAndStoppedMidTrainingEndsExactlyAsAnUninterruptedOne() throws Exception {
        String job;
        String model;
        String dataset;
        int killedAt;
        int suspendedIn;
        try (ServiceProcess first = start("first")) {
            Training api = api(first);
            model = api.model(MODEL);
            dataset = api.uploadExample("digits.csv", "task", "classification");
            job = api.queue(model, dataset, OPTIONS);
            killedAt = api.await(job, j -> j.path("epoch").asInt() >= 3, Duration.ofSeconds(60)).path("epoch").asInt();
            first.kill();
        }

        try (ServiceProcess second = start("second")) {
            api(second).await(job, j -> "running".equals(j.path("status").asString())
                    && j.path("epoch").asInt() > killedAt + 2, Duration.ofSeconds(60));
            second.close();
            Matcher suspended = Pattern.compile("Job " + job + " suspended at epoch (\\d+) batch (\\d+)")
                    .matcher(second.log());
            assertThat(suspended.find()).as(second.log()).isTrue();
            // the epoch the snapshot is in the middle of; none when it fell on an epoch boundary
            suspendedIn = Integer.parseInt(suspended.group(2)) == 0 ? -1 : Integer.parseInt(suspended.group(1)) + 1;
        }

        try (ServiceProcess third = start("third")) {
            Training api = api(third);
            JsonNode resumed = api.await(job, status("succeeded"), Duration.ofSeconds(120));
            String uninterrupted = api.queue(model, dataset, OPTIONS);
            api.await(uninterrupted, status("succeeded"), Duration.ofSeconds(120));

            assertThat(resumed.path("epoch").asInt()).isEqualTo(EPOCHS);
            assertThat(api.read("/api/v1/jobs/" + job + "/parameters"))
                    .isEqualTo(api.read("/api/v1/jobs/" + uninterrupted + "/parameters"));
            List<JsonNode> history = withoutDurations(api.read("/api/v1/jobs/" + job + "/history"));
            assertThat(history).extracting(h -> h.path("epoch").asInt())
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
            assertThat(history)
                    .isEqualTo(withoutDurations(api.read("/api/v1/jobs/" + uninterrupted + "/history")));

            JsonNode telemetry = api.read("/api/v1/jobs/" + job + "/layers");
            JsonNode expected = api.read("/api/v1/jobs/" + uninterrupted + "/layers");
            List<String> rows = new ArrayList<>();
            telemetry.forEach(t -> rows.add(t.path("epoch").asInt() + ":" + t.path("layer").asInt()));
            assertThat(rows).containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).boxed()
                    .flatMap(e -> Stream.of(e + ":0", e + ":1")).toList());
            for (int i = 0; i < telemetry.size(); i++) {
                if (telemetry.path(i).path("epoch").asInt() != suspendedIn) {
                    assertThat(telemetry.path(i)).as("telemetry row %d", i).isEqualTo(expected.path(i));
                }
            }
        }
    }

    private ServiceProcess start(String name) throws Exception {
        String jar = System.getProperty("chainrule.jar");
        assertThat(jar).as("system property chainrule.jar (set by the failsafe configuration)").isNotBlank();
        ServiceProcess process = ServiceProcess.start(name, Path.of(jar), workDir, Map.of(),
                List.of("--chainrule.data-dir=" + workDir.resolve("data"), "--chainrule.runner.poll-interval=100ms",
                        "--chainrule.runner.heartbeat-interval=500ms", "--chainrule.runner.lease=2s"));
        try {
            process.awaitHealthy(STARTUP);
        } catch (Exception | AssertionError e) {
            process.kill();
            throw e;
        }
        return process;
    }

    private static Training api(ServiceProcess process) {
        return new Training(process.api());
    }

    private static List<JsonNode> withoutDurations(JsonNode history) {
        List<JsonNode> rows = new ArrayList<>();
        history.forEach(h -> rows.add(((ObjectNode) h.deepCopy()).without("durationMs")));
        return rows;
    }
}
