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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.job.TrainedModel;
import dev.chainrule.job.TrainedModels;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;

/**
 * The prediction endpoints over HTTP, with a stand-in network whose outputs are known: it answers
 * probabilities 0.2 / 0.5 / 0.3 for classes a / b / c on every row.
 */
@SpringBootTest(properties = "chainrule.predictions.max-instances=4")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class PredictionApiTest {

    private static final UUID JOB = UUID.randomUUID();
    private static final UUID DATASET = UUID.randomUUID();

    @Autowired
    MockMvc mvc;

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

    private ResultActions predict(String body) throws Exception {
        return mvc.perform(post("/api/v1/jobs/" + JOB + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void predictsABatchInOneForwardPass() throws Exception {
        predict("{\"instances\": [[2.5, \"red\"], {\"x\": null, \"color\": \"green\"}]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.jobId").value(JOB.toString()))
                .andExpect(jsonPath("$.version").value(version))
                .andExpect(jsonPath("$.predictions", hasSize(2)))
                .andExpect(jsonPath("$.predictions[0].label").value("b"))
                .andExpect(jsonPath("$.predictions[0].probabilities.c").value(closeTo(0.3, 1e-12)))
                .andExpect(jsonPath("$.predictions[0].value").doesNotExist());

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

        mvc.perform(post("/api/v1/jobs/" + missing + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instances\": [[1, \"red\"]]}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/jobs/" + untrained + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instances\": [[1, \"red\"]]}")).andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        predict("{\"instances\": []}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/instances"));
        predict("{}").andExpect(status().isBadRequest());
        predict("{\"instances\": [7]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].pointer").value("/instances/0"));
        predict("{\"instances\": \"x\"}").andExpect(status().isBadRequest());
        predict("{\"instances\": [[1, ").andExpect(status().isBadRequest());
        predict("").andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/jobs/nope/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instances\": [[1, \"red\"]]}")).andExpect(status().isBadRequest());
    }

    @Test
    void valuesThatDoNotFitTheColumnsAre422AtTheirPointer() throws Exception {
        predict("{\"instances\": [[\"abc\", \"red\"]]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].pointer").value("/instances/0/0"));
        predict("{\"instances\": [[1, \"red\", 3], [1]]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/instances/0", "/instances/1")));
        predict("{\"instances\": [{\"x\": 1, \"colour\": \"red\"}]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].pointer").value(contains("/instances/0/colour", "/instances/0/color")));
    }

    @Test
    void moreInstancesThanTheLimitAre413() throws Exception {
        predict("{\"instances\": [[1, \"red\"], [1, \"red\"], [1, \"red\"], [1, \"red\"], [1, \"red\"]]}")
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.errors[0].pointer").value("/instances"));
    }

    @Test
    void scoresADatasetPageWithEachRowsActualTarget() throws Exception {
        DatasetData page = new DatasetData(DATASET, "toy", Task.CLASSIFICATION, 2, List.of(
                new FeatureColumn.Categorical("color", List.of("green", "red"), new int[] {1, 0}),
                new FeatureColumn.Numeric("x", new float[] {1, 4})),
                new TargetColumn.Classes("class", List.of("a", "c"), new int[] {1, 0}));
        when(datasets.read(DATASET, 10, 2)).thenReturn(page);

        mvc.perform(get("/api/v1/jobs/" + JOB + "/predictions?datasetId=" + DATASET + "&offset=10&limit=2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.predictions[*].row").value(contains(10, 11)))
                .andExpect(jsonPath("$.predictions[*].actual").value(contains("c", "a")))
                .andExpect(jsonPath("$.predictions[1].label").value("b"));
    }

    @Test
    void aDatasetWithoutTheTrainedColumnsIs422NamingTheColumn() throws Exception {
        DatasetData other = data(1, List.of(new FeatureColumn.Numeric("x", new float[] {1})), 0);
        when(datasets.read(eq(DATASET), eq(0), eq(100))).thenReturn(other);

        mvc.perform(get("/api/v1/jobs/" + JOB + "/predictions?datasetId=" + DATASET))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("color"));
    }

    @Test
    void badPagingParametersAre400() throws Exception {
        String path = "/api/v1/jobs/" + JOB + "/predictions";
        mvc.perform(get(path + "?datasetId=" + DATASET + "&limit=0")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get(path + "?datasetId=" + DATASET + "&offset=-1")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("offset"));
        mvc.perform(get(path)).andExpect(status().isBadRequest());
        mvc.perform(get(path + "?datasetId=zzz")).andExpect(status().isBadRequest());
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
        mvc.perform(post("/api/v1/jobs/" + regressionJob + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"instances\": [{\"x\": 2}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.predictions[0].value").value(closeTo(35.0, 1e-9)))
                .andExpect(jsonPath("$.predictions[0].label").doesNotExist());
    }

    private double[][] featuresOfTheLastPass(int passes) {
        ArgumentCaptor<INDArray> features = ArgumentCaptor.forClass(INDArray.class);
        verify(network, times(passes)).predict(features.capture());
        return features.getValue().toDoubleMatrix();
    }

    @Test
    void numericStringsAndTheImportersMissingTokensAreReadAsAnUploadReadsThem() throws Exception {
        predict("{\"instances\": [[\"2.5\", \"red\"], [\" ? \", \"green\"], [\"NA\", \"?\"], [\"NaN\", \"\"]]}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.predictions", hasSize(4)));
        // 2.5 is the training mean, as is every imputed value; a missing category encodes as no category.
        org.assertj.core.api.Assertions.assertThat(featuresOfTheLastPass(1))
                .isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}, {0, 0, 0}, {0, 0, 0}});

        predict("{\"instances\": [[\"4\", \"red\"], [4, \"red\"], {\"x\": \"4e0\", \"color\": \"red\"}]}")
                .andExpect(status().isOk());
        double[][] rows = featuresOfTheLastPass(2);
        org.assertj.core.api.Assertions.assertThat(rows[0]).isEqualTo(rows[1]).isEqualTo(rows[2]);
        org.assertj.core.api.Assertions.assertThat(rows[0][0]).isGreaterThan(1.0);

        predict("{\"instances\": [[\"null\", \"red\"]]}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].pointer").value("/instances/0/0"));
    }

    @Test
    void aCsvBodyWithAHeaderIsAnsweredAsJsonOrAsCsv() throws Exception {
        String csv = "color,x\nred,2.5\ngreen,?\n";
        mvc.perform(post("/api/v1/jobs/" + JOB + "/predictions").contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.predictions[*].label").value(contains("b", "b")));
        org.assertj.core.api.Assertions.assertThat(featuresOfTheLastPass(1))
                .isEqualTo(new double[][] {{0, 1, 0}, {0, 0, 1}});

        String answer = mvc.perform(post("/api/v1/jobs/" + JOB + "/predictions").contentType("text/csv")
                .accept("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(answer.split("\n"))
                .containsExactly("label,probability_a,probability_b,probability_c", "b,0.2,0.5,0.3", "b,0.2,0.5,0.3");

        String fromJson = mvc.perform(post("/api/v1/jobs/" + JOB + "/predictions").contentType(MediaType.APPLICATION_JSON)
                .accept("text/csv").content("{\"instances\": [[1, \"red\"]]}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(fromJson).startsWith("label,probability_a,");
    }

    @Test
    void aCsvRowAtFaultIsNamedByRowAndColumn() throws Exception {
        csv("x,color\n1,red\nabc,red\n").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("x"))
                .andExpect(jsonPath("$.errors[0].pointer").doesNotExist());
        csv("x,color\n1,red\n1,red,blue\n").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].row").value(2));
        csv("x,colour\n1,red\n").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].column").value(contains("colour", "color")));
        csv("x,color\n").andExpect(status().isBadRequest());
        csv("x,color\n1,red\n1,red\n1,red\n1,red\n1,red\n").andExpect(status().isContentTooLarge());
    }

    private ResultActions csv(String body) throws Exception {
        return mvc.perform(post("/api/v1/jobs/" + JOB + "/predictions").contentType("text/csv").content(body));
    }
}
