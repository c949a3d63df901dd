package dev.chainrule.portable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.chainrule.support.CsvRows;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Export a trained job as a bundle, import it elsewhere: the imported job predicts bit for bit as its
 * source, for numeric and categorical features, every target encoding and both precisions. Bad bundles
 * are refused with pointers and leave nothing behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundleApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private Training api;
    private String irisDataset;
    private String irisJob;
    private String weatherDataset;
    private String weatherJob;
    private String diabetesDataset;
    private String diabetesJob;

    @BeforeAll
    void train() throws Exception {
        api = new Training(ApiClient.of(mvc));
        irisDataset = api.uploadExample("iris.csv", "task", "classification");
        irisJob = api.trainedJob(api.model("""
                {"name": "iris mlp", "layers": [{"type": "dense", "units": 12, "activation": "relu"},
                                                {"type": "dropout", "rate": 0.1},
                                                {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 3}"""), irisDataset,
                "\"epochs\": 12, \"optimizer\": {\"type\": \"sgd\", \"learningRate\": 0.1, \"momentum\": 0.9}");
        weatherDataset = api.uploadExample("weather.nominal.csv", "target", "play");
        weatherJob = api.trainedJob(api.model("""
                {"name": "weather", "layers": [{"type": "dense", "units": 4, "activation": "gelu"},
                                               {"type": "dense", "units": 1, "activation": "sigmoid"}],
                 "loss": "binary_cross_entropy", "seed": 3}"""), weatherDataset, "\"epochs\": 10, \"validationSplit\": 0");
        diabetesDataset = api.uploadExample("diabetes.csv");
        diabetesJob = api.trainedJob(api.model("""
                {"name": "diabetes", "layers": [{"type": "dense", "units": 8, "activation": "elu"},
                                                {"type": "dense", "units": 1, "activation": "identity"}],
                 "loss": "huber", "seed": 3}"""), diabetesDataset, "\"epochs\": 4, \"dtype\": \"float64\"");
    }

    @Test
    void anExportHoldsTheWholeModelInAVersionedFormat() throws Exception {
        Reply response = api.api().get("/api/v1/jobs/" + irisJob + "/export");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"iris-mlp.chainrule.json\"");
        JsonNode bundle = JSON.readTree(response.body());
        assertThat(bundle.path("format").asString()).isEqualTo("chainrule.model");
        assertThat(bundle.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(bundle.path("source").path("jobId").asString()).isEqualTo(irisJob);
        assertThat(bundle.path("model").path("inputs").asInt()).isEqualTo(4);
        assertThat(bundle.path("model").path("layers").get(1).path("type").asString()).isEqualTo("dropout");
        assertThat(bundle.path("parameters").get(0).path("weights").size()).isEqualTo(4);
        assertThat(bundle.path("parameters").get(0).path("weights").get(0).size()).isEqualTo(12);
        JsonNode petalLength = bundle.path("preprocessing").path("features").get(2);
        assertThat(petalLength.path("name").asString()).isEqualTo("petal_length_cm");
        assertThat(petalLength.path("type").asString()).isEqualTo("numeric");
        assertThat(petalLength.path("std").asDouble()).isGreaterThan(1.0);
        assertThat(bundle.path("preprocessing").path("target").path("classes").toString()).isEqualTo("[\"0\",\"1\",\"2\"]");
        assertThat(bundle.path("training").path("optimizer").path("momentum").asDouble()).isEqualTo(0.9);
        assertThat(bundle.path("metrics").path("valAccuracy").isNumber()).isTrue();

        JsonNode weather = JSON.readTree(api.get("/api/v1/jobs/" + weatherJob + "/export"));
        assertThat(weather.path("preprocessing").path("features").get(0).path("categories").toString())
                .isEqualTo("[\"overcast\",\"rainy\",\"sunny\"]");
        assertThat(weather.path("preprocessing").path("target").path("encoding").asString()).isEqualTo("binary");
    }

    @Test
    void anImportedJobPredictsBitForBitAsItsSource() throws Exception {
        checkRoundTrip(irisJob, irisDataset, CsvRows.example("iris.csv"));
        checkRoundTrip(weatherJob, weatherDataset, CsvRows.example("weather.nominal.csv"));
        checkRoundTrip(diabetesJob, diabetesDataset, CsvRows.example("diabetes.csv").first(50));
    }

    private void checkRoundTrip(String sourceJob, String dataset, CsvRows rows) throws Exception {
        String bundle = api.get("/api/v1/jobs/" + sourceJob + "/export");
        Reply imported = api.postJson("/api/v1/models/import", bundle);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String body = imported.body();
        String job = JsonPath.read(body, "$.jobId");
        assertThat(imported.header("Location")).isEqualTo("/api/v1/models/" + JsonPath.read(body, "$.model.id"));

        String view = api.get("/api/v1/jobs/" + job);
        assertThat((String) JsonPath.read(view, "$.kind")).isEqualTo("imported");
        assertThat((String) JsonPath.read(view, "$.status")).isEqualTo("succeeded");
        assertThat((Object) JsonPath.read(view, "$.datasetId")).isNull();
        String source = api.get("/api/v1/jobs/" + sourceJob);
        assertThat((Object) JsonPath.read(view, "$.metrics")).isEqualTo(JsonPath.read(source, "$.metrics"));
        assertThat((Object) JsonPath.read(view, "$.dtype")).isEqualTo(JsonPath.read(source, "$.dtype"));

        String scored = "/predictions?datasetId=" + dataset + "&limit=" + rows.rows().size();
        assertThat(predictionsOf(api.get("/api/v1/jobs/" + job + scored)))
                .isEqualTo(predictionsOf(api.get("/api/v1/jobs/" + sourceJob + scored)));
        String instances = instances(rows);
        assertThat(predictionsOf(api.postJson("/api/v1/jobs/" + job + "/predictions", instances).body()))
                .isEqualTo(predictionsOf(api.postJson("/api/v1/jobs/" + sourceJob + "/predictions", instances)
                        .body()));

        JsonNode original = JSON.readTree(bundle);
        JsonNode again = JSON.readTree(api.get("/api/v1/jobs/" + job + "/export"));
        for (String part : List.of("model", "parameters", "preprocessing", "training", "metrics")) {
            assertThat(again.path(part)).as(part).isEqualTo(original.path(part));
        }
        assertThat(again.path("source").path("kind").asString()).isEqualTo("imported");
    }

    @Test
    void anImportedJobCanBePublishedForKServe() throws Exception {
        String job = JsonPath.read(api.postJson("/api/v1/models/import", api.get("/api/v1/jobs/" + irisJob + "/export"))
                .body(), "$.jobId");
        String name = "imported-" + job.substring(0, 8);
        assertThat(api.postJson("/api/v1/jobs/" + job + "/publish", "{\"name\": \"" + name + "\"}").status())
                .isEqualTo(201);
        String answer = api.postJson("/v2/models/" + name + "/infer", """
                {"inputs": [{"name": "sepal_length_cm", "shape": [1], "datatype": "FP32", "data": [6.7]},
                            {"name": "sepal_width_cm", "shape": [1], "datatype": "FP32", "data": [3.0]},
                            {"name": "petal_length_cm", "shape": [1], "datatype": "FP32", "data": [5.2]},
                            {"name": "petal_width_cm", "shape": [1], "datatype": "FP32", "data": [2.3]}]}""")
                .body();
        String expected = JsonPath.read(api.postJson("/api/v1/jobs/" + irisJob + "/predictions",
                "{\"instances\": [[6.7, 3.0, 5.2, 2.3]]}").body(), "$.predictions[0].label");
        assertThat(JsonPath.<List<String>>read(answer, "$.outputs[0].data")).containsExactly(expected);
    }

    @Test
    void badBundlesAreRefusedAtTheirPointersAndStoreNothing() throws Exception {
        long models = modelCount();
        refused(b -> b.put("formatVersion", 2), "/formatVersion", "reads version 1 of chainrule.model; the bundle has version 2");
        refused(b -> b.put("format", "onnx"), "/format", "this is not a model bundle");
        refused(b -> ((ArrayNode) b.path("parameters").get(0).path("weights")).remove(3), "/parameters/0/weights",
                "has 3 rows, but dense layer /layers/0 (12 units) takes 4 inputs");
        refused(b -> ((ArrayNode) b.path("parameters").get(1).path("bias")).add(0.5), "/parameters/1/bias",
                "must hold 3 values, got 4");
        refused(b -> ((ArrayNode) b.path("preprocessing").path("features")).remove(0), "/preprocessing/features",
                "The features encode to 3 inputs");
        refused(b -> {
            ((ArrayNode) b.path("parameters").get(0).path("weights")).remove(3);
            ((ArrayNode) b.path("preprocessing").path("features")).remove(0);
        }, "/preprocessing/features", "The bundle has 2 faults");
        refused(b -> ((ArrayNode) b.path("preprocessing").path("target").path("classes")).remove(2),
                "/preprocessing/target", "The target encodes to 2 outputs, but the model's last layer has 3 units");
        refused(b -> ((ObjectNode) b.path("preprocessing").path("features").get(1)).put("std", 0.0),
                "/preprocessing/features/1/std", "'std' must be a finite number greater than 0");
        refused(b -> ((ObjectNode) b.path("preprocessing").path("target")).put("encoding", "value"),
                "/preprocessing/target/encoding", "does not fit the task 'classification'");
        refused(b -> ((ObjectNode) b.path("model").path("layers").get(0)).put("units", 0), "/model/layers/0/units",
                "'units' must be between 1");
        refused(b -> ((ObjectNode) b.path("training").path("optimizer")).put("type", "adamw"),
                "/training/optimizer/type", "Unknown optimizer 'adamw'");
        refused(b -> ((ObjectNode) b.path("training")).put("batchSize", 0), "/training/batchSize",
                "must be greater than or equal to 1");
        assertThat(modelCount()).as("no refused bundle stored a model").isEqualTo(models);

        Reply unreadable = api.postJson("/api/v1/models/import",
                api.get("/api/v1/jobs/" + irisJob + "/export").replace("\"formatVersion\":1", "\"formatVersion\":\"one\""));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(JsonPath.<String>read(unreadable.body(), "$.errors[0].pointer")).isEqualTo("/formatVersion");
    }

    private void refused(Consumer<ObjectNode> damage, String pointer, String message) throws Exception {
        ObjectNode bundle = (ObjectNode) JSON.readTree(api.get("/api/v1/jobs/" + irisJob + "/export"));
        damage.accept(bundle);
        Reply response = api.postJson("/api/v1/models/import", JSON.writeValueAsString(bundle));
        String body = response.body();
        assertThat(response.status()).as(body).isEqualTo(422);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(JsonPath.<String>read(body, "$.type")).isEqualTo("/problems/invalid-bundle");
        assertThat(JsonPath.<List<String>>read(body, "$.errors[*].pointer")).as(body).contains(pointer);
        assertThat(body).contains(message);
    }

    private long modelCount() throws Exception {
        return ((Number) JsonPath.read(api.get("/api/v1/models?size=1"), "$.totalElements")).longValue();
    }

    private static String predictionsOf(String response) {
        return JSON.readTree(response).path("predictions").toString();
    }

    /** The rows as JSON instances by column name: numbers as the CSV writes them, other cells as strings. */
    private static String instances(CsvRows rows) {
        List<String> features = rows.header().subList(0, rows.header().size() - 1);
        List<String> instances = new ArrayList<>();
        for (List<String> row : rows.rows()) {
            instances.add(features.stream().map(c -> {
                String cell = row.get(rows.column(c));
                return "\"" + c + "\": " + (cell.matches("-?[0-9.]+") ? cell : "\"" + cell + "\"");
            }).collect(Collectors.joining(", ", "{", "}")));
        }
        return "{\"instances\": [" + String.join(",", instances) + "]}";
    }
}
