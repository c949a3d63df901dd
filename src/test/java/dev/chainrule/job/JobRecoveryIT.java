package dev.chainrule.job;

import static dev.chainrule.job.TrainingApi.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the packaged jar as a real process on a file database, kills it with SIGKILL mid-training,
 * restarts it, stops it with SIGTERM mid-training, restarts it again, and checks that the job ends
 * with exactly the parameters and history of the same job trained without interruption.
 */
class JobRecoveryIT {

    private static final String MODEL = """
            {"name": "digits", "layers": [{"type": "dense", "units": 32, "activation": "relu"},
             {"type": "dense", "units": 10, "activation": "softmax"}], "loss": "cross_entropy", "seed": 11}""";
    private static final String OPTIONS = """
            "epochs": 120, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.001},
            "seed": 21, "checkpointEvery": 1""";

    private final List<Process> processes = new ArrayList<>();
    private Path dataDir;
    private int port;

    @AfterEach
    void stopAllAndCleanUp() throws Exception {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        if (dataDir != null) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aJobKilledAndStoppedMidTrainingEndsExactlyAsAnUninterruptedOne() throws Exception {
        dataDir = Files.createTempDirectory("chainrule-recovery");
        port = freePort();
        TrainingApi api = new TrainingApi(new Http(port));

        Process first = start("first.log");
        String model = api.model(MODEL);
        String dataset = api.upload("digits.csv", "classification");
        String interrupted = api.job(model, dataset, OPTIONS);
        int killedAt = api.await(interrupted, j -> j.path("epoch").asInt() >= 3, Duration.ofSeconds(60)).path("epoch").asInt();
        first.destroyForcibly().waitFor();

        Process second = start("second.log");
        api.await(interrupted, j -> "running".equals(j.path("status").asString()) && j.path("epoch").asInt() > killedAt + 2,
                Duration.ofSeconds(60));
        second.destroy();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(dataDir.resolve("second.log"))).contains("Job " + interrupted + " suspended at epoch");

        start("third.log");
        JsonNode resumed = api.await(interrupted, status("succeeded"), Duration.ofSeconds(120));
        String uninterrupted = api.job(model, dataset, OPTIONS);
        api.await(uninterrupted, status("succeeded"), Duration.ofSeconds(120));

        assertThat(resumed.path("epoch").asInt()).isEqualTo(120);
        assertThat(api.http.get("/api/v1/jobs/" + interrupted + "/parameters").body())
                .isEqualTo(api.http.get("/api/v1/jobs/" + uninterrupted + "/parameters").body());
        List<JsonNode> history = withoutDurations(api.http.get("/api/v1/jobs/" + interrupted + "/history").body());
        assertThat(history).extracting(h -> h.path("epoch").asInt()).containsExactlyElementsOf(range(1, 120));
        assertThat(history).isEqualTo(withoutDurations(api.http.get("/api/v1/jobs/" + uninterrupted + "/history").body()));
    }

    private Process start(String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx1g", "-jar", jar().toString(), "--server.port=" + port,
                "--chainrule.data-dir=" + dataDir, "--chainrule.runner.poll-interval=100ms",
                "--chainrule.runner.heartbeat-interval=500ms", "--chainrule.runner.lease=2s")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve(log).toFile());
        builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process process = builder.start();
        processes.add(process);
        awaitHealthy(process, log);
        return process;
    }

    private void awaitHealthy(Process process, String log) throws IOException {
        Http http = new Http(port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as(Files.readString(dataDir.resolve(log))).isTrue();
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // the port opens only once the context has started
            }
            TrainingApi.sleep(200);
        }
        throw new AssertionError("the service did not start within 120 s: " + Files.readString(dataDir.resolve(log)));
    }

    private static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("chainrule-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target" + File.separator));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<JsonNode> withoutDurations(JsonNode history) {
        List<JsonNode> rows = new ArrayList<>();
        history.forEach(h -> rows.add(((ObjectNode) h.deepCopy()).without("durationMs")));
        return rows;
    }

    private static List<Integer> range(int from, int to) {
        List<Integer> values = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            values.add(i);
        }
        return values;
    }
}
