package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Training;

import tools.jackson.databind.JsonNode;

/** Per-layer telemetry and the diagnosis of jobs trained through HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chainrule.runner.poll-interval=50ms", "chainrule.runner.heartbeat-interval=200ms" })
@ActiveProfiles("test")
class JobTelemetryTest {

    static final List<String> FIELDS = List.of("epoch", "layer", "kind", "weightNorm", "gradientNorm",
            "biasGradientNorm", "updateRatio", "errorNorm", "activationMean", "activationStd", "deadFraction",
            "saturatedFraction");

    @LocalServerPort
    int port;
    Training api;

    @BeforeEach
    void client() {
        api = new Training(ApiClient.atPort(port));
    }

    @Test
    void everyEpochStoresOneRowPerDenseLayerFilteredByLayerAndEpoch() {
        String dataset = api.uploadExample("iris.csv", "task", "classification");
        String model = api.model("""
                {"name": "iris", "layers": [{"type": "dense", "units": 8, "activation": "tanh"},
                 {"type": "dropout", "rate": 0.1}, {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 3}""");
        String id = api.queue(model, dataset, """
                "epochs": 6, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01}, "seed": 5""");
        assertThat(api.awaitFinished(id, Duration.ofSeconds(60)).path("status").asString()).isEqualTo("succeeded");

        JsonNode all = api.read("/api/v1/jobs/" + id + "/layers");
        assertThat(all.size()).isEqualTo(12);
        List<String> order = new ArrayList<>();
        all.forEach(row -> order.add(row.path("epoch").asInt() + ":" + row.path("layer").asInt()));
        assertThat(order).containsExactly("1:0", "1:2", "2:0", "2:2", "3:0", "3:2", "4:0", "4:2", "5:0", "5:2",
                "6:0", "6:2");
        JsonNode first = all.path(0);
        assertThat(first.propertyNames()).containsExactlyInAnyOrderElementsOf(FIELDS);
        assertThat(first.path("kind").asString()).isEqualTo("dense");
        assertThat(first.path("gradientNorm").asDouble()).isPositive();
        assertThat(first.path("updateRatio").asDouble()).isPositive();
        assertThat(first.path("activationStd").asDouble()).isPositive();
        assertThat(first.path("saturatedFraction").isNumber()).as("tanh can saturate").isTrue();
        assertThat(all.path(1).path("saturatedFraction").isNull()).as("softmax is not judged").isTrue();

        JsonNode output = api.read("/api/v1/jobs/" + id + "/layers?layer=2&fromEpoch=5");
        assertThat(output.size()).isEqualTo(2);
        assertThat(output.findValuesAsString("layer")).containsOnly("2");
        assertThat(output.path(0)).isEqualTo(all.path(9));
        assertThat(api.read("/api/v1/jobs/" + id + "/layers?layer=1").size()).as("dropout").isZero();

        JsonNode diagnosis = api.read("/api/v1/jobs/" + id + "/diagnosis");
        assertThat(diagnosis.path("findings").isArray()).isTrue();
    }

    @Test
    void aJobWhoseLossBecomesNaNIsDiagnosedAsDiverged() {
        String dataset = api.uploadExample("diabetes.csv", "task", "regression");
        String model = api.model("""
                {"name": "linear", "layers": [{"type": "dense", "units": 1, "activation": "identity"}], "loss": "mse"}""");
        String id = api.queue(model, dataset, """
                "epochs": 50, "standardize": false, "optimizer": {"type": "sgd", "learningRate": 10}""");
        assertThat(api.awaitFinished(id, Duration.ofSeconds(30)).path("status").asString()).isEqualTo("failed");
        int finished = api.read("/api/v1/jobs/" + id + "/history").size();

        JsonNode findings = api.read("/api/v1/jobs/" + id + "/diagnosis").path("findings");

        JsonNode diverged = findings.path(0);
        assertThat(diverged.path("kind").asString()).as(findings.toString()).isEqualTo("diverged");
        assertThat(diverged.path("severity").asString()).isEqualTo("critical");
        assertThat(diverged.path("fromEpoch").asInt()).isEqualTo(finished + 1);
        assertThat(diverged.path("evidence").path("learningRate").asDouble()).isEqualTo(10.0);
        assertThat(diverged.path("advice").asString()).contains("about 1.0");
    }

    @Test
    void telemetryFalseStoresNone() {
        String dataset = api.uploadExample("xor.csv", "task", "classification");
        String model = api.model(JobTrainingTest.XOR_MODEL);
        String id = api.queue(model, dataset, "\"epochs\": 3, \"validationSplit\": 0, \"telemetry\": false");
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(30));
        assertThat(job.path("status").asString()).isEqualTo("succeeded");
        assertThat(job.path("telemetry").asBoolean(true)).isFalse();

        assertThat(api.read("/api/v1/jobs/" + id + "/history").size()).isEqualTo(3);
        assertThat(api.read("/api/v1/jobs/" + id + "/layers").size()).isZero();
    }
}
