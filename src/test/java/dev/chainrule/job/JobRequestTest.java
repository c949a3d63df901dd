package dev.chainrule.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import dev.chainrule.access.Quotas;
import dev.chainrule.access.TenantQuotas;
import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.ops.JobMetrics;
import dev.chainrule.support.ApiClient;
import dev.chainrule.support.Reply;
import dev.chainrule.web.WebSlice;

/**
 * Every way a job request can be wrong, checked at the controller: the real {@link JobService} and
 * its option rules behind {@link JobController}, with models and datasets as stand-ins of known
 * shapes and the storage mocked (a refused request never reaches it; an accepted one is not read
 * back here: {@link JobLifecycleTest} does that on the whole service).
 */
@WebMvcTest(JobController.class)
@Import({ JobService.class, JobOptionsJson.class, JobForks.class })
@WebSlice
class JobRequestTest {

    static final UUID XOR = UUID.randomUUID();
    static final UUID REGRESSION = UUID.randomUUID();
    static final UUID TWO_OUTPUTS = UUID.randomUUID();
    static final UUID FIVE_INPUTS = UUID.randomUUID();
    static final UUID THREE_OUTPUTS = UUID.randomUUID();

    @Autowired
    MockMvc mvc;
    @MockitoBean
    ModelCatalog models;
    @MockitoBean
    DatasetReader datasets;
    @MockitoBean
    JobRepository jobs;
    @MockitoBean
    JobArtifactRepository artifacts;
    @MockitoBean
    EpochRecordRepository epochs;
    @MockitoBean
    StoredCheckpointRepository checkpoints;
    @MockitoBean
    JobRunner runner;
    @MockitoBean
    JobMetrics metrics;
    @MockitoBean
    TransactionTemplate transaction;
    @MockitoBean
    TenantQuotas quotas;
    @MockitoBean
    JobForkRepository forkRows;
    @MockitoBean
    JobEvaluationRepository evaluations;

    ApiClient http;

    private static StoredModel model(UUID id, Integer inputs, int outputs) {
        return new StoredModel(id, "m", inputs, List.of(new LayerSpec.Dense(4, Activation.TANH),
                new LayerSpec.Dense(outputs, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.XAVIER_UNIFORM, 1, 0, null);
    }

    @BeforeEach
    void standIns() {
        http = ApiClient.of(mvc);
        when(quotas.of(any())).thenReturn(new Quotas(1000, 1000, 1L << 40));
        doAnswer(call -> {
            call.<Consumer<TransactionStatus>>getArgument(0).accept(null);
            return null;
        }).when(transaction).executeWithoutResult(any());
        Map<UUID, StoredModel> known = Map.of(TWO_OUTPUTS, model(TWO_OUTPUTS, null, 2), FIVE_INPUTS,
                model(FIVE_INPUTS, 5, 2), THREE_OUTPUTS, model(THREE_OUTPUTS, null, 3));
        Map<UUID, DatasetData> stored = Map.of(XOR, new DatasetData(XOR, "xor", Task.CLASSIFICATION, 4,
                List.of(new FeatureColumn.Numeric("x1", new float[] { 0, 0, 1, 1 }),
                        new FeatureColumn.Numeric("x2", new float[] { 0, 1, 0, 1 })),
                new TargetColumn.Classes("target", List.of("0", "1"), new int[] { 0, 1, 1, 0 })),
                REGRESSION, new DatasetData(REGRESSION, "line", Task.REGRESSION, 3,
                        List.of(new FeatureColumn.Numeric("x", new float[] { 1, 2, 3 })),
                        new TargetColumn.Values("y", new float[] { 2, 4, 6 })));
        given(models.get(any())).willAnswer(call -> Optional.ofNullable(known.get(call.<UUID>getArgument(0)))
                .orElseThrow(() -> new NotFoundException("Model", call.getArgument(0))));
        given(datasets.read(any())).willAnswer(call -> Optional.ofNullable(stored.get(call.<UUID>getArgument(0)))
                .orElseThrow(() -> new NotFoundException("Dataset", call.getArgument(0))));
    }

    private Reply create(String extra) {
        return http.post("/api/v1/jobs", "{\"modelId\": \"" + TWO_OUTPUTS + "\", \"datasetId\": \"" + XOR
                + "\", \"validationSplit\": 0" + extra + "}");
    }

    private static void assertProblem(Reply response, int status, String pointers) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.pointers()).isEqualTo(pointers);
        assertThat(response.json().path("detail").asString()).isNotBlank();
    }

    @Test
    void aValidJobIsAcceptedWithItsEffectiveOptions() {
        Reply created = create(", \"epochs\": 5");

        assertThat(created.status()).isEqualTo(202);
        String id = created.json().path("id").asString();
        assertThat(created.location()).isEqualTo("/api/v1/jobs/" + id);
        assertThat(created.json().path("status").asString()).isEqualTo("queued");
        assertThat(created.json().path("progress").asDouble()).isZero();
        assertThat(created.json().path("epochs").asInt()).isEqualTo(5);
        assertThat(created.json().path("batchSize").asInt()).isEqualTo(32);
        assertThat(created.json().path("optimizer").path("type").asString()).isEqualTo("adam");
        assertThat(created.json().path("optimizer").path("learningRate").asDouble()).isEqualTo(0.001);
        assertThat(created.json().path("dtype").asString()).isEqualTo("float32");
        verify(jobs).save(argThat(job -> job.id().toString().equals(id) && job.status() == JobStatus.QUEUED));
    }

    @Test
    void missingIdsAndOutOfRangeNumbersAre400WithTheirPointers() {
        Reply empty = http.post("/api/v1/jobs", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(sorted(empty.pointers())).isEqualTo("/datasetId /modelId");

        Reply ranges = create(", \"epochs\": 0, \"batchSize\": -1, \"checkpointEvery\": 0, "
                + "\"optimizer\": {\"learningRate\": -1, \"beta1\": 1.5}");
        assertThat(ranges.status()).isEqualTo(400);
        assertThat(sorted(ranges.pointers()))
                .isEqualTo("/batchSize /checkpointEvery /epochs /optimizer/beta1 /optimizer/learningRate");
    }

    @Test
    void gradientClippingOfZeroOrBelowIs400AndAValidOneIsEchoed() {
        Reply refused = create(", \"gradientClipNorm\": 0, \"gradientClipValue\": -0.5");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(sorted(refused.pointers())).isEqualTo("/gradientClipNorm /gradientClipValue");

        Reply accepted = create(", \"gradientClipNorm\": 1.5, \"gradientClipValue\": 0.25");
        assertThat(accepted.json().path("gradientClipNorm").asDouble()).isEqualTo(1.5);
        assertThat(accepted.json().path("gradientClipValue").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aJobHasPriorityZeroUnlessGivenOneWithinTheRange() {
        assertThat(create("").json().path("priority").asInt()).isZero();
        Reply urgent = create(", \"priority\": 1000");
        assertThat(urgent.status()).isEqualTo(202);
        assertThat(urgent.json().path("priority").asInt()).isEqualTo(1000);
        assertThat(create(", \"priority\": -1000").json().path("priority").asInt()).isEqualTo(-1000);

        assertProblem(create(", \"priority\": 1001"), 400, "/priority");
        assertProblem(create(", \"priority\": -1001"), 400, "/priority");
        assertProblem(create(", \"priority\": 1e12"), 400, "/priority");
        assertProblem(create(", \"priority\": \"high\""), 400, "/priority");
    }

    @Test
    void aValidationSplitOfOneIsRejected() {
        Reply response = http.post("/api/v1/jobs", "{\"modelId\": \"" + TWO_OUTPUTS + "\", \"datasetId\": \""
                + XOR + "\", \"validationSplit\": 1.0}");

        assertProblem(response, 400, "/validationSplit");
    }

    @Test
    void unknownNamesAndMisplacedFieldsAre400() {
        assertProblem(create(", \"optimizer\": {\"type\": \"adagrad\"}"), 400, "/optimizer/type");
        assertProblem(create(", \"optimizer\": {\"type\": \"sgd\", \"beta2\": 0.9}"), 400, "/optimizer/beta2");
        assertProblem(create(", \"dtype\": \"float16\""), 400, "/dtype");
        assertProblem(create(", \"schedule\": {\"type\": \"step\", \"minRate\": 0.1}"), 400, "/schedule/minRate");
        assertProblem(create(", \"earlyStopping\": {\"metric\": \"val_loss\"}"), 400, "/earlyStopping/metric");
    }

    @Test
    void anUnknownTypeIsRefusedListingTheKnownOnesNeverReadAsTheDefault() {
        Reply optimizer = create(", \"optimizer\": {\"type\": \"adagrad\", \"learningRate\": 0.1}");
        Reply schedule = create(", \"schedule\": {\"type\": \"linear\"}");

        assertProblem(optimizer, 400, "/optimizer/type");
        assertThat(optimizer.json().path("type").asString()).isEqualTo("/problems/unknown-type");
        assertThat(optimizer.json().path("detail").asString())
                .isEqualTo("Unknown optimizer 'adagrad'; use sgd, adam or rmsprop.");
        assertProblem(schedule, 400, "/schedule/type");
        assertThat(schedule.json().path("detail").asString())
                .isEqualTo("Unknown schedule 'linear'; use constant, step, exponential or cosine.");
    }

    @Test
    void aFieldOfAnotherTypeIsRefusedNamingTheFieldsThatApply() {
        Reply response = create(", \"optimizer\": {\"type\": \"sgd\", \"momentum\": 0.9, \"beta1\": 0.9}");

        assertProblem(response, 400, "/optimizer/beta1");
        assertThat(response.json().path("type").asString()).isEqualTo("/problems/unknown-field");
        assertThat(response.json().path("detail").asString()).isEqualTo("'beta1' does not apply to 'sgd', whose fields "
                + "are type, learningRate, momentum, nesterov and weightDecay.");
        assertThat(response.json().path("detail").asString()).doesNotContain("dev.chainrule", "Sgd");
    }

    @Test
    void optionsAreReadByTheirTypeAndEchoedWithEveryDefault() {
        Reply sgd = create(", \"optimizer\": {\"momentum\": 0.9, \"type\": \"sgd\"}, "
                + "\"schedule\": {\"type\": \"cosine\", \"minRate\": 0.001}");
        Reply untyped = create(", \"optimizer\": {\"learningRate\": 0.05}");

        assertThat(sgd.status()).as(sgd.json().toString()).isEqualTo(202);
        assertThat(sgd.json().path("optimizer").toString()).isEqualTo(
                "{\"type\":\"sgd\",\"learningRate\":0.01,\"momentum\":0.9,\"nesterov\":false,\"weightDecay\":0.0}");
        assertThat(sgd.json().path("schedule").toString())
                .isEqualTo("{\"type\":\"cosine\",\"periodEpochs\":20,\"minRate\":0.001}");
        assertThat(untyped.json().path("optimizer").toString()).isEqualTo("{\"type\":\"adam\",\"learningRate\":0.05,"
                + "\"beta1\":0.9,\"beta2\":0.999,\"epsilon\":1.0E-8,\"weightDecay\":0.0}");
        assertThat(untyped.json().path("schedule").toString()).isEqualTo("{\"type\":\"constant\"}");
    }

    @Test
    void aValueOfTheWrongTypeIs400AtItsPointer() {
        assertProblem(create(", \"epochs\": \"ten\""), 400, "/epochs");
        assertProblem(http.post("/api/v1/jobs", "{\"modelId\": \"not-a-uuid\"}"), 400, "/modelId");
    }

    @Test
    void unknownModelOrDatasetIs422AtItsPointer() {
        Reply model = http.post("/api/v1/jobs", "{\"modelId\": \"" + UUID.randomUUID() + "\", \"datasetId\": \""
                + XOR + "\"}");
        Reply dataset = http.post("/api/v1/jobs", "{\"modelId\": \"" + TWO_OUTPUTS + "\", \"datasetId\": \""
                + UUID.randomUUID() + "\"}");

        assertProblem(model, 422, "/modelId");
        assertProblem(dataset, 422, "/datasetId");
    }

    @Test
    void widthsThatDoNotMatchTheDatasetAre422NamingBoth() {
        Reply inputs = http.post("/api/v1/jobs", "{\"modelId\": \"" + FIVE_INPUTS + "\", \"datasetId\": \"" + XOR
                + "\", \"validationSplit\": 0}");
        Reply outputs = http.post("/api/v1/jobs", "{\"modelId\": \"" + THREE_OUTPUTS + "\", \"datasetId\": \""
                + XOR + "\", \"validationSplit\": 0}");

        assertProblem(inputs, 422, "/modelId");
        assertThat(inputs.json().path("detail").asString()).contains("5 inputs").contains("2 features");
        assertProblem(outputs, 422, "/datasetId");
        assertThat(outputs.json().path("detail").asString()).contains("3 outputs").contains("encodes to 2");
    }

    @Test
    void aLossThatDoesNotFitTheDatasetIs422() {
        Reply response = http.post("/api/v1/jobs", "{\"modelId\": \"" + TWO_OUTPUTS + "\", \"datasetId\": \""
                + REGRESSION + "\", \"validationSplit\": 0}");

        assertProblem(response, 422, "/datasetId");
        assertThat(response.json().path("detail").asString()).contains("cross_entropy");
    }

    @Test
    void unknownJobIs404AndAMalformedIdIs400() {
        assertProblem(http.get("/api/v1/jobs/" + UUID.randomUUID()), 404, "");
        assertProblem(http.get("/api/v1/jobs/" + UUID.randomUUID() + "/history"), 404, "");
        assertThat(http.get("/api/v1/jobs/42").status()).isEqualTo(400);
        assertThat(http.post("/api/v1/jobs/" + UUID.randomUUID() + "/cancel", "").status()).isEqualTo(404);
    }

    @Test
    void anUnknownStatusFilterOrAnOversizedPageIs400() {
        Reply response = http.get("/api/v1/jobs?status=done");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").path(0).path("field").asString()).isEqualTo("status");
        assertThat(http.get("/api/v1/jobs?size=1000").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/jobs?page=-1").status()).isEqualTo(400);
    }

    private static String sorted(String pointers) {
        return String.join(" ", java.util.Arrays.stream(pointers.split(" ")).sorted().toList());
    }
}
