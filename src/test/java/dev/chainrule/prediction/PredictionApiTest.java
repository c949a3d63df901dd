package dev.chainrule.prediction;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.job.TrainedJobs;
import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;
import dev.chainrule.web.WebSlice;

/**
 * The prediction endpoints at the controller (a slice: the controller, the real service and its cache,
 * the trained models and datasets mocked), with a stand-in network whose outputs are known: it answers
 * probabilities 0.2 / 0.5 / 0.3 for classes a / b / c on every row.
 */
@WebMvcTest(controllers = PredictionController.class, properties = { "chainrule.predictions.max-instances=4",
        // every test brings a new version of the model: the cache asks for it on every request
        "chainrule.predictions.version-check-interval=0s" })
@Import({ PredictionService.class, TrainedModelCache.class, PredictionConfiguration.class })
@WebSlice
class PredictionApiTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final UUID DATASET = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

    ApiClient http;

    @BeforeEach
    void client() {
        http = ApiClient.of(mvc);
    }

    @MockitoBean
    TrainedJobs jobs;
    @MockitoBean
    TrainedModels trainedModels;

    @MockitoBean
    DatasetReader datasets;

    private static final AtomicLong VERSIONS = new AtomicLong();

    private final Network network = mock(Network.class);
    private long version;

    /** x: numeric (training values 1, 2, 3, 4); color: red, green; class: a, b, c. */
    private static DatasetData data(int rows, List<FeatureColumn> features, int... labels) {
        return new DatasetData(DATASET, "toy", Task.CLASSIFICATION, rows, features,
                new TargetColumn.Classes("class", List.of("a", "b", "c"), labels));
    }

    private static List<FeatureColumn> toyFeatures() {
        return List.of(new FeatureColumn.Numeric("x", new float[] {1, 2, 3, 4}),
                new FeatureColumn.Categorical("color", List.of("red", "green"), new int[] {0, 1, 0, 1}));
    }

    @BeforeEach
    void trainedJob() {
        Preprocessing preprocessing = PreprocessingFitter.fit(data(4, toyFeatures(), 0, 1, 2, 1),
                new int[] {0, 1, 2, 3}, true, Loss.CROSS_ENTROPY);
        when(network.precision()).thenReturn(Precision.FLOAT64);
        when(network.predict(any())).thenAnswer(call -> {
            long rows = call.<INDArray>getArgument(0).rows();
            double[][] out = new double[(int) rows][];
            java.util.Arrays.fill(out, new double[] {0.2, 0.5, 0.3});
            return Nd4j.createFromArray(out);
        });
        // A new version for each test, so that the model cache serves this test's network.
        version = VERSIONS.incrementAndGet();
        when(trainedModels.currentVersion(JOB)).thenReturn(version);
        when(trainedModels.load(JOB)).thenReturn(new TrainedModel(JOB, version, network, preprocessing));
    }

    private Reply predict(String body) throws Exception {
        return http.post("/api/v1/jobs/" + JOB + "/predictions", body);
    }

    @Test
    void predictsABatchInOneForwardPass() throws Exception {
        predict("{\"instances\": [[2.5, \"red\"], {\"x\": null, \"color\": \"green\"}]}")
                .expect(200)
                .expectJson("$.jobId", JOB.toString())
                .expectJson("$.version", version)
                .expectJson("$.predictions", hasSize(2))
                .expectJson("$.predictions[0].label", "b")
                .expectJson("$.predictions[0].probabilities.c", closeTo(0.3, 1e-12))
                .expectNoJson("$.predictions[0].value");

        ArgumentCaptor<INDArray> features = ArgumentCaptor.forClass(INDArray.class);
        verify(network, times(1)).predict(features.capture());
        // x = 2.5 is the training mean, as is the imputed null: both standardise to 0.
        org.assertj.core.api.Assertions.assertThat(features.getValue().toDoubleMatrix())
                .isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void aMissingJobIs404AndAnUntrainedOne409() throws Exception {
        UUID missing = UUID.randomUUID();
        UUID untrained = UUID.randomUUID();
        when(trainedModels.currentVersion(missing)).thenThrow(new NotFoundException("Job", missing));
        when(trainedModels.currentVersion(untrained)).thenReturn(0L);
        when(trainedModels.load(untrained)).thenThrow(new ConflictException("not-trained", "Not trained", "No parameters."));

        http.post("/api/v1/jobs/" + missing + "/predictions", "{\"instances\": [[1, \"red\"]]}").expect(404);
        http.post("/api/v1/jobs/" + untrained + "/predictions", "{\"instances\": [[1, \"red\"]]}").expect(409)
                .expectContentType("application/problem+json");
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        predict("{\"instances\": []}").expect(400)
                .expectJson("$.errors[0].pointer", "/instances");
        predict("{}").expect(400);
        predict("{\"instances\": [7]}").expect(400)
                .expectJson("$.errors[0].pointer", "/instances/0");
        predict("{\"instances\": \"x\"}").expect(400);
        predict("{\"instances\": [[1, ").expect(400);
        predict("").expect(400);
        http.post("/api/v1/jobs/nope/predictions", "{\"instances\": [[1, \"red\"]]}").expect(400);
    }

    @Test
    void valuesThatDoNotFitTheColumnsAre422AtTheirPointer() throws Exception {
        predict("{\"instances\": [[\"abc\", \"red\"]]}").expect(422)
                .expectJson("$.errors[0].pointer", "/instances/0/0");
        predict("{\"instances\": [[1, \"red\", 3], [1]]}").expect(422)
                .expectJson("$.errors[*].pointer", contains("/instances/0", "/instances/1"));
        predict("{\"instances\": [{\"x\": 1, \"colour\": \"red\"}]}").expect(422)
                .expectJson("$.errors[*].pointer", contains("/instances/0/colour", "/instances/0/color"));
    }

    @Test
    void moreInstancesThanTheLimitAre413() throws Exception {
        predict("{\"instances\": [[1, \"red\"], [1, \"red\"], [1, \"red\"], [1, \"red\"], [1, \"red\"]]}")
                .expect(413)
                .expectJson("$.errors[0].pointer", "/instances");
    }

    @Test
    void scoresADatasetPageWithEachRowsActualTarget() throws Exception {
        DatasetData page = new DatasetData(DATASET, "toy", Task.CLASSIFICATION, 2, List.of(
                new FeatureColumn.Categorical("color", List.of("green", "red"), new int[] {1, 0}),
                new FeatureColumn.Numeric("x", new float[] {1, 4})),
                new TargetColumn.Classes("class", List.of("a", "c"), new int[] {1, 0}));
        when(datasets.read(DATASET, 10, 2)).thenReturn(page);

        http.get("/api/v1/jobs/" + JOB + "/predictions?datasetId=" + DATASET + "&offset=10&limit=2")
                .expect(200)
                .expectJson("$.rows", 2)
                .expectJson("$.predictions[*].row", contains(10, 11))
                .expectJson("$.predictions[*].actual", contains("c", "a"))
                .expectJson("$.predictions[1].label", "b");
    }

    @Test
    void aDatasetWithoutTheTrainedColumnsIs422NamingTheColumn() throws Exception {
        DatasetData other = data(1, List.of(new FeatureColumn.Numeric("x", new float[] {1})), 0);
        when(datasets.read(eq(DATASET), eq(0), eq(100))).thenReturn(other);

        http.get("/api/v1/jobs/" + JOB + "/predictions?datasetId=" + DATASET)
                .expect(422)
                .expectJson("$.errors[0].column", "color");
    }

    @Test
    void badPagingParametersAre400() throws Exception {
        String path = "/api/v1/jobs/" + JOB + "/predictions";
        http.get(path + "?datasetId=" + DATASET + "&limit=0").expect(400)
                .expectJson("$.errors[0].field", "limit");
        http.get(path + "?datasetId=" + DATASET + "&offset=-1").expect(400)
                .expectJson("$.errors[0].field", "offset");
        http.get(path).expect(400);
        http.get(path + "?datasetId=zzz").expect(400);
    }

    @Test
    void regressionAnswersValuesInTheTargetsUnits() throws Exception {
        UUID regressionJob = UUID.randomUUID();
        DatasetData prices = new DatasetData(DATASET, "prices", Task.REGRESSION, 2,
                List.of(new FeatureColumn.Numeric("x", new float[] {1, 3})), new TargetColumn.Values("y", new float[] {10, 30}));
        Network regression = mock(Network.class);
        when(regression.precision()).thenReturn(Precision.FLOAT32);
        when(regression.predict(any())).thenReturn(Nd4j.createFromArray(new float[][] {{1.5f}}));
        when(trainedModels.currentVersion(regressionJob)).thenReturn(1L);
        when(trainedModels.load(regressionJob)).thenReturn(new TrainedModel(regressionJob, 1L, regression,
                PreprocessingFitter.fit(prices, new int[] {0, 1}, true, Loss.MSE)));

        // Training targets 10 and 30: mean 20, population std 10, so an output of 1.5 means 35.
        http.post("/api/v1/jobs/" + regressionJob + "/predictions", "{\"instances\": [{\"x\": 2}]}")
                .expect(200)
                .expectJson("$.predictions[0].value", closeTo(35.0, 1e-9))
                .expectNoJson("$.predictions[0].label");
    }

    private double[][] featuresOfTheLastPass(int passes) {
        ArgumentCaptor<INDArray> features = ArgumentCaptor.forClass(INDArray.class);
        verify(network, times(passes)).predict(features.capture());
        return features.getValue().toDoubleMatrix();
    }

    @Test
    void numericStringsAndTheImportersMissingTokensAreReadAsAnUploadReadsThem() throws Exception {
        predict("{\"instances\": [[\"2.5\", \"red\"], [\" ? \", \"green\"], [\"NA\", \"?\"], [\"NaN\", \"\"]]}")
                .expect(200).expectJson("$.predictions", hasSize(4));
        // 2.5 is the training mean, as is every imputed value; a missing category encodes as no category.
        org.assertj.core.api.Assertions.assertThat(featuresOfTheLastPass(1))
                .isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}, {0, 0, 0}});

        predict("{\"instances\": [[\"4\", \"red\"], [4, \"red\"], {\"x\": \"4e0\", \"color\": \"red\"}]}")
                .expect(200);
        double[][] rows = featuresOfTheLastPass(2);
        org.assertj.core.api.Assertions.assertThat(rows[0]).isEqualTo(rows[1]).isEqualTo(rows[2]);
        org.assertj.core.api.Assertions.assertThat(rows[0][0]).isGreaterThan(1.0);

        predict("{\"instances\": [[\"null\", \"red\"]]}").expect(422)
                .expectJson("$.errors[0].pointer", "/instances/0/0");
    }

    @Test
    void aCsvBodyWithAHeaderIsAnsweredAsJsonOrAsCsv() throws Exception {
        String csv = "color,x\nred,2.5\ngreen,?\n";
        Reply json = csv(csv).expect(200).expectJson("$.predictions[*].label", contains("b", "b"));
        org.assertj.core.api.Assertions.assertThat(json.contentType()).startsWith("application/json");
        org.assertj.core.api.Assertions.assertThat(featuresOfTheLastPass(1))
                .isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}});

        Reply answer = predictAs("text/csv", "text/csv", csv).expect(200);
        org.assertj.core.api.Assertions.assertThat(answer.contentType()).startsWith("text/csv");
        org.assertj.core.api.Assertions.assertThat(answer.body().split("\n"))
                .containsExactly("label,probability_a,probability_b,probability_c", "b,0.2,0.5,0.3", "b,0.2,0.5,0.3");

        String fromJson = predictAs("application/json", "text/csv", "{\"instances\": [[1, \"red\"]]}")
                .expect(200).body();
        org.assertj.core.api.Assertions.assertThat(fromJson).startsWith("label,probability_a,");
    }

    @Test
    void aCsvRowAtFaultIsNamedByRowAndColumn() throws Exception {
        csv("x,color\n1,red\nabc,red\n").expect(422)
                .expectJson("$.errors[0].row", 2)
                .expectJson("$.errors[0].column", "x")
                .expectNoJson("$.errors[0].pointer");
        csv("x,color\n1,red\n1,red,blue\n").expect(400)
                .expectJson("$.errors[0].row", 2);
        csv("x,colour\n1,red\n").expect(422)
                .expectJson("$.errors[*].column", contains("colour", "color"));
        csv("x,color\n").expect(400);
        csv("x,color\n1,red\n1,red\n1,red\n1,red\n1,red\n").expect(413);
    }

    private Reply csv(String body) {
        return http.postCsv("/api/v1/jobs/" + JOB + "/predictions", body);
    }

    private Reply predictAs(String contentType, String accept, String body) {
        return http.request(HttpMethod.POST, "/api/v1/jobs/" + JOB + "/predictions").header("Accept", accept)
                .body(contentType, body).send();
    }
}
