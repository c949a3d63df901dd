package dev.chainrule.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * The KServe v2 endpoints on trained jobs: publishing, metadata, readiness, inference on raw columns and
 * on encoded features (its numbers equal the native predictions'), and the protocol's error form.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KServeApiTest {

    private static final List<String> IRIS_COLUMNS = List.of("sepal_length_cm", "sepal_width_cm", "petal_length_cm",
            "petal_width_cm");

    @Autowired
    MockMvc mvc;

    private Training api;
    private String irisJob;
    private String diabetesJob;
    private CsvRows iris;
    private CsvRows diabetes;

    @BeforeAll
    void trainIrisAndDiabetes() throws Exception {
        api = new Training(ApiClient.of(mvc));
        iris = CsvRows.example("iris.csv");
        diabetes = CsvRows.example("diabetes.csv").first(60);
        String irisModel = api.model("""
                {"name": "iris", "layers": [{"type": "dense", "units": 12, "activation": "tanh"},
                                            {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 5}""");
        irisJob = api.trainedJob(irisModel, api.uploadExample("iris.csv", "task", "classification"),
                "\"epochs\": 15, \"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.05}");
        String diabetesModel = api.model("""
                {"name": "diabetes", "layers": [{"type": "dense", "units": 8, "activation": "relu"},
                                                {"type": "dense", "units": 1, "activation": "identity"}],
                 "loss": "mse", "seed": 5}""");
        diabetesJob = api.trainedJob(diabetesModel, api.uploadExample("diabetes.csv"), "\"epochs\": 5");
    }

    @Test
    void eachPublishIsANewVersionAndTheNewestAnswersCallsWithoutOne() throws Exception {
        String name = unique("iris");
        Reply first = publish(irisJob, name);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Location")).isEqualTo("/v2/models/" + name + "/versions/1");
        assertThat((Integer) JsonPath.read(first.body(), "$.version")).isEqualTo(1);
        assertThat(publish(diabetesJob, name).header("Location")).endsWith("/versions/2");

        String newest = api.get("/v2/models/" + name);
        assertThat(JsonPath.<List<String>>read(newest, "$.versions")).containsExactly("1", "2");
        assertThat((String) JsonPath.read(newest, "$.parameters.job_id")).isEqualTo(diabetesJob);
        assertThat((String) JsonPath.read(api.get("/v2/models/" + name + "/versions/1"), "$.parameters.job_id"))
                .isEqualTo(irisJob);
        String answer = infer(name, "", diabetesRequest(3)).body();
        assertThat(JsonPath.<String>read(answer, "$.model_version")).as(answer).isEqualTo("2");
        assertThat(JsonPath.<List<String>>read(answer, "$.outputs[*].name")).containsExactly("value");
        assertThat(JsonPath.<String>read(infer(name, "/versions/1", irisRequest(3, "FP32")).body(),
                "$.model_version")).isEqualTo("1");
    }

    @Test
    void metadataNamesTheRawColumnsAndTheOutputsWithTheirDatatypesAndShapes() throws Exception {
        String name = published(irisJob);
        String metadata = api.get("/v2/models/" + name);
        assertThat((String) JsonPath.read(metadata, "$.name")).isEqualTo(name);
        assertThat((String) JsonPath.read(metadata, "$.platform")).isEqualTo("chainrule");
        assertThat(JsonPath.<List<String>>read(metadata, "$.inputs[*].name")).containsExactlyElementsOf(IRIS_COLUMNS);
        assertThat(JsonPath.<List<String>>read(metadata, "$.inputs[*].datatype")).containsOnly("FP32");
        assertThat(JsonPath.<List<Integer>>read(metadata, "$.inputs[0].shape")).containsExactly(-1);
        assertThat(JsonPath.<List<String>>read(metadata, "$.outputs[*].name")).containsExactly("label", "probabilities");
        assertThat(JsonPath.<List<String>>read(metadata, "$.outputs[*].datatype")).containsExactly("BYTES", "FP32");
        assertThat(JsonPath.<List<Integer>>read(metadata, "$.outputs[1].shape")).containsExactly(-1, 3);
        assertThat((Integer) JsonPath.read(metadata, "$.parameters.encoded_width")).isEqualTo(4);

        String regression = api.get("/v2/models/" + published(diabetesJob));
        assertThat(JsonPath.<List<String>>read(regression, "$.outputs[*].name")).containsExactly("value");
        assertThat(JsonPath.<List<Integer>>read(regression, "$.outputs[0].shape")).containsExactly(-1, 1);
        assertThat(JsonPath.<List<String>>read(regression, "$.inputs[*].name")).hasSize(10);

        assertThat(api.get("/v2/models/" + name + "/ready")).isEqualTo("{\"name\":\"" + name + "\",\"ready\":true}");
        assertThat(api.get("/v2/models/" + name + "/versions/1/ready")).contains("\"ready\":true");
    }

    @Test
    void inferenceOnRawColumnsEqualsTheNativePredictions() throws Exception {
        String name = published(irisJob);
        int n = iris.rows().size();
        String answer = infer(name, "", irisRequest(n, "FP32")).body();
        List<Map<String, Object>> expected = nativePredictions(irisJob, iris, n, IRIS_COLUMNS);

        assertThat(JsonPath.<String>read(answer, "$.id")).isEqualTo("request-" + n);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.outputs[0].shape")).containsExactly(n);
        assertThat(JsonPath.<List<Integer>>read(answer, "$.outputs[1].shape")).containsExactly(n, 3);
        List<String> labels = JsonPath.read(answer, "$.outputs[0].data");
        List<Number> probabilities = JsonPath.read(answer, "$.outputs[1].data");
        for (int i = 0; i < n; i++) {
            assertThat(labels.get(i)).isEqualTo(expected.get(i).get("label"));
            Map<String, Number> native_ = probabilitiesOf(expected.get(i));
            for (int k = 0; k < 3; k++) {
                assertThat(probabilities.get(i * 3 + k).floatValue()).as("row %d class %d", i, k)
                        .isEqualTo(native_.get(String.valueOf(k)).floatValue());
            }
        }
    }

    @Test
    void anEncodedInputTensorIsTakenAsTheNetworkInput() throws Exception {
        String name = published(irisJob);
        String bundle = api.get("/api/v1/jobs/" + irisJob + "/export");
        List<Number> means = JsonPath.read(bundle, "$.preprocessing.features[*].mean");
        List<Number> stds = JsonPath.read(bundle, "$.preprocessing.features[*].std");
        int n = 20;
        List<List<Double>> encoded = new ArrayList<>();
        for (List<String> row : iris.rows().subList(0, n)) {
            List<Double> features = new ArrayList<>();
            for (int j = 0; j < 4; j++) {
                features.add((Double.parseDouble(row.get(j)) - means.get(j).doubleValue()) / stds.get(j).doubleValue());
            }
            encoded.add(features);
        }
        String request = "{\"inputs\": [{\"name\": \"input\", \"shape\": [" + n + ", 4], \"datatype\": \"FP64\", "
                + "\"data\": " + encoded + "}], \"outputs\": [{\"name\": \"probabilities\"}]}";
        String answer = infer(name, "", request).body();
        List<Map<String, Object>> expected = nativePredictions(irisJob, iris, n, IRIS_COLUMNS);
        List<Number> probabilities = JsonPath.read(answer, "$.outputs[0].data");
        assertThat(JsonPath.<List<String>>read(answer, "$.outputs[*].name")).containsExactly("probabilities");
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                assertThat(probabilities.get(i * 3 + k).floatValue())
                        .isEqualTo(probabilitiesOf(expected.get(i)).get(String.valueOf(k)).floatValue());
            }
        }
    }

    @Test
    void regressionValuesEqualTheNativePredictionsAndColumnsMayBeNestedIntegers() throws Exception {
        String name = published(diabetesJob);
        List<String> columns = diabetes.header().subList(0, 10);
        int n = diabetes.rows().size();
        String answer = infer(name, "", diabetesRequest(n)).body();
        List<Map<String, Object>> expected = nativePredictions(diabetesJob, diabetes, n, columns);
        List<Number> values = JsonPath.read(answer, "$.outputs[0].data");
        assertThat(JsonPath.<String>read(answer, "$.outputs[0].datatype")).isEqualTo("FP32");
        for (int i = 0; i < n; i++) {
            assertThat(values.get(i).floatValue()).as("row %d", i)
                    .isEqualTo(((Number) expected.get(i).get("value")).floatValue());
        }
    }

    @Test
    void faultsAreAnsweredInTheProtocolsErrorForm() throws Exception {
        String name = published(irisJob);
        assertError(api.api().get("/v2/models/no-such-model"), 404,
                "No model is published as 'no-such-model'");
        assertError(api.api().get("/v2/models/" + name + "/versions/9"), 404, "has no version 9; published versions: [1]");
        assertError(infer(name, "/versions/x", irisRequest(1, "FP32")), 404, "versions are whole numbers");
        assertError(infer(name, "", irisRequest(2, "BYTES")), 400, "is numeric: datatype FP32, FP64 or INT*");
        assertError(infer(name, "", irisRequest(2, "INT32")), 400, "must be a whole number");
        assertError(infer(name, "", irisRequest(1, "FP32").replace("sepal_width_cm", "sepal_width")), 400,
                "Unknown input 'sepal_width'");
        assertError(infer(name, "", "{\"inputs\": [{\"name\": \"sepal_length_cm\", \"shape\": [1], \"datatype\": "
                + "\"FP32\", \"data\": [5.1]}]}"), 400, "Missing input 'sepal_width_cm'");
        assertError(infer(name, "", irisRequest(2, "FP32").replaceFirst("\"shape\": \\[2]", "\"shape\": [3]")), 400,
                "has shape [3] (3 elements) but 'data' holds 2");
        assertError(infer(name, "", irisRequest(1, "FP32").replace("{\"name\": \"label\"}", "{\"name\": \"logits\"}")),
                400, "Unknown output 'logits'");
        assertError(infer(name, "", "{\"inputs\": [{\"name\": \"input\", \"shape\": [1, 3], \"datatype\": \"FP32\", "
                + "\"data\": [1, 2, 3]}]}"), 400, "must have shape [N, 4]");
        assertError(infer(name, "", "{\"inputs\": ["), 400, "could not be read");
        assertError(infer(name, "", "{\"inputs\": []}"), 400, "at least one tensor");
        assertError(api.api().get("/v2/models/" + name + "/explain"), 404, "No KServe v2 endpoint GET /v2/models/" + name + "/explain");
    }

    @Test
    void theServerIsLiveReadyAndDescribesItself() throws Exception {
        assertThat(api.get("/v2/health/live")).isEqualTo("{\"live\":true}");
        assertThat(api.get("/v2/health/ready")).isEqualTo("{\"ready\":true}");
        assertThat((String) JsonPath.read(api.get("/v2"), "$.name")).isEqualTo("chainrule");
    }

    @Test
    void publishingNeedsAValidNameAndASucceededJob() throws Exception {
        Reply badName = publish(irisJob, "no spaces/allowed");
        assertThat(badName.status()).isEqualTo(422);
        assertThat(badName.contentType()).isEqualTo("application/problem+json");
        assertThat(JsonPath.<String>read(badName.body(), "$.errors[0].pointer")).isEqualTo("/name");
        assertThat(publish(UUID.randomUUID().toString(), "ghost").status()).isEqualTo(404);

        String model = api.model("""
                {"name": "slow", "layers": [{"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy"}""");
        String running = api.queuedJob(model, api.uploadExample("iris.csv", "task", "classification"),
                "\"epochs\": 100000");
        Reply notYet = publish(running, unique("slow"));
        assertThat(notYet.status()).as(notYet.body()).isEqualTo(409);
        assertThat(notYet.body()).contains("only a succeeded job can be published");
        api.postJson("/api/v1/jobs/" + running + "/cancel", "");
    }

    private String published(String job) throws Exception {
        String name = unique("model");
        assertThat(publish(job, name).status()).isEqualTo(201);
        return name;
    }

    private Reply publish(String job, String name) throws Exception {
        return api.postJson("/api/v1/jobs/" + job + "/publish", "{\"name\": \"" + name + "\"}");
    }

    private Reply infer(String name, String version, String request) throws Exception {
        return api.postJson("/v2/models/" + name + version + "/infer", request);
    }

    /** The first {@code n} iris rows, one tensor per column, numbers exactly as the CSV writes them. */
    private String irisRequest(int n, String datatype) {
        List<String> inputs = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            int column = j;
            String data = iris.rows().subList(0, n).stream().map(r -> r.get(column)).collect(Collectors.joining(","));
            inputs.add("{\"name\": \"" + IRIS_COLUMNS.get(j) + "\", \"shape\": [" + n + "], \"datatype\": \"" + datatype
                    + "\", \"data\": [" + data + "]}");
        }
        return "{\"id\": \"request-" + n + "\", \"inputs\": [" + String.join(",", inputs) + "], "
                + "\"outputs\": [{\"name\": \"label\"}, {\"name\": \"probabilities\"}]}";
    }

    /**
     * The first {@code n} diabetes rows, one [n, 1] tensor of nested rows per column: INT64 for columns of
     * whole numbers, FP64 for the others.
     */
    private String diabetesRequest(int n) {
        List<String> inputs = new ArrayList<>();
        for (int j = 0; j < 10; j++) {
            int column = j;
            List<List<String>> rows = diabetes.rows().subList(0, n);
            boolean whole = rows.stream().allMatch(r -> r.get(column).matches("-?\\d+"));
            String data = rows.stream().map(r -> "[" + r.get(column) + "]").collect(Collectors.joining(","));
            inputs.add("{\"name\": \"" + diabetes.header().get(j) + "\", \"shape\": [" + n + ", 1], \"datatype\": \""
                    + (whole ? "INT64" : "FP64") + "\", \"data\": [" + data + "]}");
        }
        return "{\"inputs\": [" + String.join(",", inputs) + "]}";
    }

    /** {@code POST /predictions} for the same rows, with the same numbers, keyed by column name. */
    private List<Map<String, Object>> nativePredictions(String job, CsvRows rows, int n, List<String> columns)
            throws Exception {
        List<String> instances = new ArrayList<>();
        for (List<String> row : rows.rows().subList(0, n)) {
            instances.add(columns.stream().map(c -> "\"" + c + "\": " + row.get(rows.column(c)))
                    .collect(Collectors.joining(", ", "{", "}")));
        }
        Reply response = api.postJson("/api/v1/jobs/" + job + "/predictions",
                "{\"instances\": [" + String.join(",", instances) + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JsonPath.read(response.body(), "$.predictions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> probabilitiesOf(Map<String, Object> prediction) {
        return (Map<String, Number>) prediction.get("probabilities");
    }

    private static void assertError(Reply response, int status, String message) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(JsonPath.<Map<String, Object>>read(response.body(), "$")).containsOnlyKeys("error");
        assertThat(JsonPath.<String>read(response.body(), "$.error")).contains(message);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
