package dev.chainrule.portable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.encoding.TargetEncoding;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.job.TrainedJob;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.Precision;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bundle writer and reader on their own: what is written as JSON text reads back to the same
 * preprocessing and the same parameter bits, and the reader names every fault it finds.
 */
class BundleFormatTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Doubles whose decimal forms are long or unusual: they must survive the text. */
    private static final double[] AWKWARD = {0.1 + 0.2, -0.0, Double.MIN_VALUE, 1e-310, (float) Math.PI, 1.0 / 3,
            -123456.789e12, Math.nextUp(1.0)};

    @Test
    void writtenAsTextABundleReadsBackToTheSamePreprocessingAndParameterBits() {
        Preprocessing preprocessing = Preprocessing.of(List.of(
                new FeatureEncoding.Numeric("age", AWKWARD[0], AWKWARD[4], true),
                new FeatureEncoding.Categorical("city", List.of("oslo", "rome", FeatureColumn.Categorical.MISSING)),
                new FeatureEncoding.Numeric("income", AWKWARD[6], AWKWARD[5], false)),
                new TargetEncoding.Value(AWKWARD[3], AWKWARD[7], true));
        TrainedJob job = job(preprocessing);
        List<LayerParameters> parameters = job.parameters();
        ModelBundle read = writtenAndRead(job);

        BundleFaults faults = new BundleFaults();
        Preprocessing again = new BundleReader(faults).read(read);
        assertThat(faults.count()).isZero();
        assertThat(again.features()).isEqualTo(preprocessing.features());
        assertThat(again.target()).isEqualTo(preprocessing.target());
        LayerParameters back = JSON.convertValue(read.parameters().get(0), LayerParameters.class);
        for (int i = 0; i < parameters.get(0).weights().length; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(Double.doubleToRawLongBits(back.weights()[i][j]))
                        .isEqualTo(Double.doubleToRawLongBits(parameters.get(0).weights()[i][j]));
            }
        }
        assertThat(back.bias()).containsExactly(parameters.get(0).bias());
        assertThat(read.model().path("inputs").asInt()).as("the encoded width").isEqualTo(5);
        assertThat(read.metrics()).as("NaN has no JSON form").containsOnlyKeys("loss");
        assertThat(read.format()).isEqualTo("chainrule.model");
        assertThat(read.formatVersion()).isEqualTo(1);
        assertThat(read.source().jobId()).isEqualTo(job.jobId());
    }

    @Test
    void severalTargetsReadBackInOrderWithTheirOwnScaling() {
        Preprocessing preprocessing = Preprocessing.of(List.of(new FeatureEncoding.Numeric("x", 0.5, 2, true)),
                new TargetEncoding.Values(List.of("b", "a"), List.of(
                        new TargetEncoding.Value(AWKWARD[0], AWKWARD[4], true),
                        new TargetEncoding.Value(AWKWARD[6], AWKWARD[5], true))));
        ModelBundle read = writtenAndRead(job(preprocessing));
        assertThat(read.preprocessing().target().encoding()).isEqualTo("values");
        assertThat(read.preprocessing().target().targets()).extracting(ModelBundle.TargetValue::name)
                .containsExactly("b", "a");

        BundleFaults faults = new BundleFaults();
        Preprocessing again = new BundleReader(faults).read(read);
        assertThat(faults.count()).isZero();
        assertThat(again.target()).isEqualTo(preprocessing.target());
        assertThat(again.outputs()).isEqualTo(2);
        assertThat(PreprocessingCodec.decode(PreprocessingCodec.encode(again)).target())
                .as("as a job stores it").isEqualTo(preprocessing.target());
    }

    private static TrainedJob job(Preprocessing preprocessing) {
        List<LayerParameters> parameters = List.of(new LayerParameters(
                new double[][] {{AWKWARD[0], AWKWARD[1]}, {AWKWARD[2], AWKWARD[3]}, {AWKWARD[4], AWKWARD[5]},
                        {AWKWARD[6], AWKWARD[7]}, {1, 2}}, new double[] {AWKWARD[2], -AWKWARD[5]}));
        return new TrainedJob(UUID.randomUUID(), "trained", "succeeded", UUID.randomUUID(), UUID.randomUUID(),
                3, 3, 4, JSON.readTree("{\"epochs\": 3}"), Map.of("loss", AWKWARD[5], "valLoss", Double.NaN),
                Precision.FLOAT64, preprocessing, parameters);
    }

    private static ModelBundle writtenAndRead(TrainedJob job) {
        ObjectNode definition = (ObjectNode) JSON.readTree("{\"name\": \"m\", \"layers\": [], \"loss\": \"mse\"}");
        ModelBundle written = BundleWriter.write(job, definition, Instant.parse("2026-01-02T03:04:05Z"));
        return JSON.readValue(JSON.writeValueAsString(written), ModelBundle.class);
    }

    @Test
    void theReaderNamesEveryFaultOfThePreprocessing() {
        ModelBundle bundle = bundle("""
                {"task": "classification",
                 "features": [{"name": "a", "type": "numeric", "mean": 1, "std": -2},
                              {"name": "a", "type": "categorical", "categories": ["x", "x"], "mean": 3},
                              {"name": "b", "type": "text"}],
                 "target": {"encoding": "binary", "classes": ["no", "yes", "maybe"]}}""");
        BundleFaults faults = new BundleFaults();
        assertThat(new BundleReader(faults).read(bundle)).isNull();
        List<String> pointers = pointers(faults);
        assertThat(pointers).contains("/preprocessing/features/0/std", "/preprocessing/features/0/standardize",
                "/preprocessing/features/1/name", "/preprocessing/features/1",
                "/preprocessing/features/1/categories/1", "/preprocessing/features/2/type",
                "/preprocessing/target/classes", "/metrics/accuracy_top5", "/source/epoch");
    }

    @Test
    void anotherFormatOrVersionIsRefusedBeforeAnythingElseIsRead() {
        ModelBundle otherVersion = new ModelBundle(BundleFormat.NAME, 7, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> BundleReader.checkFormat(otherVersion)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.faults()).extracting(Fault::pointer).containsExactly("/formatVersion"));
        ModelBundle otherFormat = new ModelBundle("onnx", 1, null, null, null, null, null, null, null);
        assertThatThrownBy(() -> BundleReader.checkFormat(otherFormat)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.faults()).extracting(Fault::pointer).containsExactly("/format"));
    }

    private static ModelBundle bundle(String preprocessing) {
        return new ModelBundle(BundleFormat.NAME, 1, null, new ModelBundle.Source(null, null, null, null, null, -1, 2,
                null), JSON.readTree("{}"), List.of(),
                JSON.readValue(preprocessing, ModelBundle.Preprocessing.class), null,
                Map.of("accuracy_top5", 0.5));
    }

    private static List<String> pointers(BundleFaults faults) {
        try {
            faults.throwIfAny();
            return List.of();
        } catch (InvalidInputException e) {
            return e.faults().stream().map(Fault::pointer).toList();
        }
    }
}
