package dev.chainrule.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.chainrule.portable.onnx.OnnxRuntimeRunner;
import dev.chainrule.support.CsvRows;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;

/**
 * A job trained through the API, downloaded as ONNX and run by ONNX Runtime on held-out rows given as raw
 * CSV values (missing values and a category never seen in training included): its outputs equal the
 * service's predictions for the same rows within 1e-5.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OnnxApiTest {

    private static final List<String> MISSING = List.of("", "?", "NA", "NaN");

    @Autowired
    MockMvc mvc;

    @Test
    void aClassifierWithNumericAndCategoricalColumnsRunsInOnnxRuntimeAsInTheService() throws Exception {
        Training api = new Training(ApiClient.of(mvc));
        String dataset = api.upload("customers.csv", customers(new Random(11), 300, false), "target", "plan");
        String job = api.trainedJob(api.model("""
                {"name": "customers", "layers": [{"type": "dense", "units": 16, "activation": "relu"},
                                                 {"type": "dropout", "rate": 0.2},
                                                 {"type": "dense", "units": 8, "activation": "tanh"},
                                                 {"type": "dense", "units": 3, "activation": "softmax"}],
                 "loss": "cross_entropy", "seed": 1}"""), dataset,
                "\"epochs\": 20, \"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.02}");

        CsvRows heldOut = CsvRows.parse(customers(new Random(12), 40, true));
        List<Map<String, Object>> service = scored(api, job, heldOut, "plan");
        Map<String, Object> onnx = runOnnx(download(job, "customers.onnx"), heldOut);

        float[][] probabilities = (float[][]) onnx.get("probabilities");
        String[] labels = (String[]) onnx.get("label");
        long[] labelIndex = (long[]) onnx.get("label_index");
        List<String> classes = List.of("basic", "plus", "pro");
        for (int i = 0; i < service.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Number> expected = (Map<String, Number>) service.get(i).get("probabilities");
            for (int k = 0; k < classes.size(); k++) {
                assertThat((double) probabilities[i][k]).as("row %d class %s", i, classes.get(k))
                        .isCloseTo(expected.get(classes.get(k)).doubleValue(), within(1e-5));
            }
            assertThat(labels[i]).isEqualTo(service.get(i).get("label"));
            assertThat(classes.get((int) labelIndex[i])).isEqualTo(service.get(i).get("label"));
        }
    }

    @Test
    void aRegressionAnswersInTheTargetsUnits() throws Exception {
        Training api = new Training(ApiClient.of(mvc));
        CsvRows diabetes = CsvRows.example("diabetes.csv");
        String header = String.join(",", diabetes.header());
        StringBuilder train = new StringBuilder(header).append('\n');
        StringBuilder heldOut = new StringBuilder(header).append('\n');
        for (int i = 0; i < diabetes.rows().size(); i++) {
            (i < 400 ? train : heldOut).append(String.join(",", diabetes.rows().get(i))).append('\n');
        }
        String dataset = api.upload("diabetes-train.csv", train.toString());
        String job = api.trainedJob(api.model("""
                {"name": "diabetes", "layers": [{"type": "dense", "units": 16, "activation": "softplus"},
                                                {"type": "dense", "units": 1, "activation": "identity"}],
                 "loss": "mse", "seed": 2}"""), dataset, "\"epochs\": 15, \"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.01}");

        CsvRows rows = CsvRows.parse(heldOut.toString());
        List<Map<String, Object>> service = scored(api, job, rows, "target");
        double[][] values = (double[][]) runOnnx(download(job, "diabetes.onnx"), rows).get("value");
        for (int i = 0; i < service.size(); i++) {
            double expected = ((Number) service.get(i).get("value")).doubleValue();
            assertThat(values[i][0]).as("row %d", i).isCloseTo(expected, within(1e-5 * Math.max(1, Math.abs(expected))));
        }
        assertThat(service).hasSize(42);
    }

    @Test
    void aJobWithoutParametersHasNoOnnxFile() throws Exception {
        Reply missing = ApiClient.of(mvc).get("/api/v1/jobs/" + java.util.UUID.randomUUID() + "/model.onnx");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).isEqualTo("application/problem+json");
    }

    private byte[] download(String job, String filename) throws Exception {
        Reply response = ApiClient.of(mvc).get("/api/v1/jobs/" + job + "/model.onnx");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/octet-stream");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + filename + "\"");
        return response.bytes();
    }

    /** The service's predictions for the rows, uploaded as a dataset of their own and scored. */
    private static List<Map<String, Object>> scored(Training api, String job, CsvRows rows, String target)
            throws Exception {
        StringBuilder csv = new StringBuilder(String.join(",", rows.header())).append('\n');
        rows.rows().forEach(r -> csv.append(String.join(",", r)).append('\n'));
        String dataset = api.upload("held-out.csv", csv.toString(), "target", target);
        return JsonPath.read(api.get("/api/v1/jobs/" + job + "/predictions?datasetId=" + dataset + "&limit=1000"),
                "$.predictions");
    }

    /** The rows' raw cells: numeric columns parsed as float (NaN when missing), the others as they are. */
    private static Map<String, Object> runOnnx(byte[] model, CsvRows rows) throws Exception {
        try (OnnxRuntimeRunner runner = new OnnxRuntimeRunner(model)) {
            Map<String, float[]> numeric = new HashMap<>();
            Map<String, String[]> categorical = new HashMap<>();
            for (String column : runner.inputNames()) {
                int j = rows.column(column);
                List<String> cells = rows.rows().stream().map(r -> r.get(j)).toList();
                if (cells.stream().allMatch(c -> MISSING.contains(c) || c.matches("-?[0-9.]+"))) {
                    float[] values = new float[cells.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = MISSING.contains(cells.get(i)) ? Float.NaN : Float.parseFloat(cells.get(i));
                    }
                    numeric.put(column, values);
                } else {
                    categorical.put(column, cells.toArray(String[]::new));
                }
            }
            return runner.run(numeric, categorical);
        }
    }

    /**
     * Customers with two numeric columns (age with missing values), two categorical ones (city with
     * missing values) and a plan that depends on all of them with noise. Held-out rows also hold a city
     * never seen in training.
     */
    private static String customers(Random random, int rows, boolean heldOut) {
        List<String> cities = new ArrayList<>(List.of("berlin", "lisbon", "oslo", "rome"));
        if (heldOut) {
            cities.add("paris");
        }
        List<String> channels = List.of("web", "store", "phone");
        StringBuilder csv = new StringBuilder("age,city,income,channel,plan\n");
        for (int i = 0; i < rows; i++) {
            double age = 18 + random.nextInt(60);
            double income = Math.round((20 + random.nextGaussian() * 8 + age / 3) * 100) / 100.0;
            int city = random.nextInt(cities.size());
            int channel = random.nextInt(channels.size());
            double score = income / 10 + (city == 2 ? 2 : 0) - (channel == 1 ? 1.5 : 0) + random.nextGaussian() * 0.5;
            String plan = score < 3.5 ? "basic" : score < 5.5 ? "plus" : "pro";
            String ageCell = random.nextInt(8) == 0 ? MISSING.get(random.nextInt(MISSING.size())) : Integer.toString((int) age);
            String cityCell = random.nextInt(10) == 0 ? MISSING.get(random.nextInt(2)) : cities.get(city);
            csv.append(ageCell).append(',').append(cityCell).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", income)).append(',').append(channels.get(channel))
                    .append(',').append(plan).append('\n');
        }
        return csv.toString();
    }
}
