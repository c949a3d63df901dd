package dev.chainrule.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.support.Training;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A regression dataset with several target columns, through the API: both ways of naming them on upload
 * and the uploads refused, training a linear model on targets that are known linear functions of the
 * features, its predictions per target, KServe's [N, t] value tensor and a bundle round trip.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeveralTargetsTest {

    private static final int ROWS = 240;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    private Training api;
    private String csv;
    private String dataset;
    private String job;

    /** The targets sit between the features: a = 2·x1 − x2 + 0.5 and b = −x1 + 3·x3 − 1. */
    private static double a(double x1, double x2, double x3) {
        return 2 * x1 - x2 + 0.5;
    }

    private static double b(double x1, double x2, double x3) {
        return -x1 + 3 * x3 - 1;
    }

    @BeforeAll
    void trainALinearModelOnTwoTargets() {
        api = new Training(ApiClient.of(mvc));
        Random random = new Random(11);
        StringBuilder rows = new StringBuilder("x1,a,x2,b,x3\n");
        for (int i = 0; i < ROWS; i++) {
            double x1 = round(random.nextDouble() * 2 - 1);
            double x2 = round(random.nextDouble() * 2 - 1);
            double x3 = round(random.nextDouble() * 2 - 1);
            rows.append(x1).append(',').append(round(a(x1, x2, x3))).append(',').append(x2).append(',')
                    .append(round(b(x1, x2, x3))).append(',').append(x3).append('\n');
        }
        csv = rows.toString();
        dataset = api.upload("linear.csv", csv, "target", "a,b");
        String model = api.model("""
                {"name": "linear two", "layers": [{"type": "dense", "units": 2, "activation": "identity"}],
                 "loss": "mse", "seed": 7}""");
        job = api.trainedJob(model, dataset, "\"epochs\": 80, \"batchSize\": 16, \"validationSplit\": 0, "
                + "\"optimizer\": {\"type\": \"adam\", \"learningRate\": 0.05}");
    }

    private static double round(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    @Test
    void bothSyntaxesNameSeveralTargetsAndTheDatasetKeepsThem() {
        JsonNode commas = api.api().get("/api/v1/datasets/" + dataset).ok();
        assertThat(commas.path("task").asString()).isEqualTo("regression");
        assertThat(commas.path("target").asString()).isEqualTo("a,b");
        assertThat(commas.path("targets").toString()).isEqualTo("[\"a\",\"b\"]");
        List<String> roles = new ArrayList<>();
        commas.path("columns").forEach(c -> roles.add(c.path("name").asString() + ":" + c.path("role").asString()));
        assertThat(roles).containsExactly("x1:feature", "a:target", "x2:feature", "b:target", "x3:feature");

        JsonNode repeated = api.api().postCsv("/api/v1/datasets?target=b&target=x3&target=a", csv).expect(201).json();
        assertThat(repeated.path("targets").toString()).isEqualTo("[\"a\",\"b\",\"x3\"]");
        assertThat(repeated.path("target").asString()).isEqualTo("a,b,x3");

        JsonNode single = api.api().postCsv("/api/v1/datasets?target=b", csv).expect(201).json();
        assertThat(single.path("target").asString()).isEqualTo("b");
        assertThat(single.path("targets").toString()).isEqualTo("[\"b\"]");
    }

    @Test
    void uploadsThatCannotHaveTheseTargetsAreRefusedNamingTheTarget() {
        String text = "x,y,label\n1,2,red\n2,3,blue\n3,5,red\n";
        assertRefused(api.api().postCsv("/api/v1/datasets?target=x,y&task=classification", text),
                "several-classification-targets", "target");
        assertRefused(api.api().postCsv("/api/v1/datasets?target=y,label", text), "non-numeric-target", null);
        assertRefused(api.api().postCsv("/api/v1/datasets?target=y&target=z", text), "unknown-target", "target");
        assertRefused(api.api().postCsv("/api/v1/datasets?target=y,y", text), "repeated-target", "target");
        assertRefused(api.api().postCsv("/api/v1/datasets?target=x,y", "x,y\n1,2\n3,4\n"), "no-features", "target");
    }

    private static void assertRefused(Reply reply, String type, String field) {
        reply.expectProblem(422);
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asString()).endsWith("/" + type);
        if (field != null) {
            assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(field);
        }
    }

    @Test
    void aModelWhoseOutputsAreNotOnePerTargetIsRefused() {
        String three = api.model("""
                {"name": "three", "layers": [{"type": "dense", "units": 3, "activation": "identity"}],
                 "loss": "mse", "seed": 1}""");
        Reply reply = api.api().post("/api/v1/jobs", "{\"modelId\": \"" + three + "\", \"datasetId\": \"" + dataset
                + "\"}").expectProblem(422);
        assertThat(reply.pointers()).isEqualTo("/datasetId");
        assertThat(reply.json().path("detail").asString()).contains("3 outputs").contains("'a,b'").contains("2");
    }

    @Test
    void theTrainedModelPredictsEachTargetWithALowError() {
        String scored = api.get("/api/v1/jobs/" + job + "/predictions?datasetId=" + dataset + "&limit=" + ROWS);
        List<Map<String, Object>> rows = JsonPath.read(scored, "$.predictions");
        assertThat(rows).hasSize(ROWS);
        for (String target : List.of("a", "b")) {
            double squares = 0;
            for (Map<String, Object> row : rows) {
                double predicted = ((Number) ((Map<?, ?>) row.get("values")).get(target)).doubleValue();
                double actual = ((Number) ((Map<?, ?>) row.get("actual")).get(target)).doubleValue();
                squares += (predicted - actual) * (predicted - actual);
            }
            assertThat(Math.sqrt(squares / ROWS)).as("RMSE of %s", target).isLessThan(0.05);
        }
        assertThat(rows.get(0)).doesNotContainKey("value");

        Reply answer = api.api().post("/api/v1/jobs/" + job + "/predictions",
                "{\"instances\": [[0.5, -0.25, 0.75], {\"x1\": -1, \"x2\": 0.5, \"x3\": 0}]}").expect(200);
        answer.expectNoJson("$.predictions[0].value").expectNoJson("$.predictions[0].label");
        JsonNode first = answer.json().path("predictions").get(0).path("values");
        assertThat(List.copyOf(first.propertyNames())).containsExactly("a", "b");
        assertThat(first.path("a").asDouble()).isCloseTo(a(0.5, -0.25, 0.75), within(0.05));
        assertThat(first.path("b").asDouble()).isCloseTo(b(0.5, -0.25, 0.75), within(0.05));
        JsonNode second = answer.json().path("predictions").get(1).path("values");
        assertThat(second.path("a").asDouble()).isCloseTo(a(-1, 0.5, 0), within(0.05));
        assertThat(second.path("b").asDouble()).isCloseTo(b(-1, 0.5, 0), within(0.05));
    }

    @Test
    void kserveAnswersOneValueColumnPerTarget() {
        String name = "two-targets-" + job.substring(0, 8);
        api.api().post("/api/v1/jobs/" + job + "/publish", "{\"name\": \"" + name + "\"}").expect(201);
        JsonNode metadata = api.api().get("/v2/models/" + name).ok();
        assertThat(metadata.path("outputs").get(0).path("shape").toString()).isEqualTo("[-1,2]");
        JsonNode answer = api.api().post("/v2/models/" + name + "/infer", """
                {"inputs": [{"name": "x1", "shape": [2], "datatype": "FP32", "data": [0.5, -1]},
                            {"name": "x2", "shape": [2], "datatype": "FP32", "data": [-0.25, 0.5]},
                            {"name": "x3", "shape": [2], "datatype": "FP32", "data": [0.75, 0]}]}""").ok();
        JsonNode value = answer.path("outputs").get(0);
        assertThat(value.path("name").asString()).isEqualTo("value");
        assertThat(value.path("datatype").asString()).isEqualTo("FP32");
        assertThat(value.path("shape").toString()).isEqualTo("[2,2]");
        JsonNode native_ = api.api().post("/api/v1/jobs/" + job + "/predictions",
                "{\"instances\": [[0.5, -0.25, 0.75], [-1, 0.5, 0]]}").ok().path("predictions");
        List<Double> expected = new ArrayList<>();
        native_.forEach(p -> {
            expected.add(p.path("values").path("a").asDouble());
            expected.add(p.path("values").path("b").asDouble());
        });
        List<Double> data = new ArrayList<>();
        value.path("data").forEach(d -> data.add(d.asDouble()));
        assertThat(data).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(data.get(i)).isCloseTo(expected.get(i), within(1e-5));
        }
    }

    @Test
    void aBundleCarriesEveryTargetAndItsImportPredictsAsItsSource() {
        String bundle = api.get("/api/v1/jobs/" + job + "/export");
        JsonNode target = JSON.readTree(bundle).path("preprocessing").path("target");
        assertThat(target.path("encoding").asString()).isEqualTo("values");
        assertThat(target.path("targets").get(0).path("name").asString()).isEqualTo("a");
        assertThat(target.path("targets").get(1).path("name").asString()).isEqualTo("b");
        assertThat(target.path("targets").get(1).path("std").asDouble()).isGreaterThan(1.0);

        Reply imported = api.postJson("/api/v1/models/import", bundle).expect(201);
        String copy = JsonPath.read(imported.body(), "$.jobId");
        String scored = "/predictions?datasetId=" + dataset + "&limit=20";
        assertThat((Object) JsonPath.read(api.get("/api/v1/jobs/" + copy + scored), "$.predictions"))
                .isEqualTo(JsonPath.read(api.get("/api/v1/jobs/" + job + scored), "$.predictions"));
        String again = api.get("/api/v1/jobs/" + copy + "/export");
        assertThat((Object) JsonPath.read(again, "$.preprocessing")).isEqualTo(JsonPath.read(bundle, "$.preprocessing"));
    }

    @Test
    void aBundleWithTooFewOrUnnamedTargetsIsRefusedNamingThem() {
        ObjectNode oneTarget = (ObjectNode) JSON.readTree(api.get("/api/v1/jobs/" + job + "/export"));
        ((ArrayNode) oneTarget.path("preprocessing").path("target").path("targets")).remove(1);
        assertThat(api.postJson("/api/v1/models/import", oneTarget.toString()).expectProblem(422).pointers())
                .contains("/preprocessing/target/targets");
        ObjectNode sameNames = (ObjectNode) JSON.readTree(api.get("/api/v1/jobs/" + job + "/export"));
        ((ObjectNode) sameNames.path("preprocessing").path("target").path("targets").get(1)).put("name", "a");
        assertThat(api.postJson("/api/v1/models/import", sameNames.toString()).expectProblem(422).pointers())
                .contains("/preprocessing/target/targets/1/name");
    }
}
