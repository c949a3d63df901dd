package dev.chainrule.portable.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.TensorInfo;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Prediction;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.TargetEncoding;
import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;

/**
 * Every layer kind and activation, every target encoding and both precisions: the exported graph, run by
 * ONNX Runtime on raw values, answers what the service's own path (encode the instances, forward pass,
 * decode) answers for the same rows.
 */
class OnnxModelWriterTest {

    private static final String MISSING = FeatureColumn.Categorical.MISSING;
    private static final List<FeatureEncoding> FEATURES = List.of(
            new FeatureEncoding.Numeric("x", 3.5, 2.0, true),
            new FeatureEncoding.Categorical("color", List.of("green", "red", MISSING)),
            new FeatureEncoding.Numeric("y", -1.25, 0.5, false),
            new FeatureEncoding.Categorical("size", List.of("L", "M", "S")));
    private static final int ROWS = 40;

    static Stream<Arguments> activations() {
        return Stream.of(Precision.values()).flatMap(p -> Stream.of(Activation.values())
                .map(a -> Arguments.of(a, p)));
    }

    @ParameterizedTest(name = "{0} hidden layer, {1}")
    @MethodSource("activations")
    void everyActivationMatchesTheServiceOnRawRows(Activation activation, Precision precision) throws Exception {
        TargetEncoding target = new TargetEncoding.OneHot(List.of("a", "b", "c"));
        // float64 GELU computes erf in float (ONNX Runtime has no double kernel for it)
        double tolerance = precision == Precision.FLOAT32 ? 1e-5 : activation == Activation.GELU ? 1e-6 : 1e-12;
        check(List.of(new LayerSpec.Dense(6, activation), new LayerSpec.Dropout(0.3),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, target, precision, tolerance);
    }

    static Stream<Arguments> targets() {
        return Stream.of(Precision.values()).flatMap(p -> Stream.of(
                Arguments.of(new TargetEncoding.Binary(List.of("no", "yes")), Loss.BINARY_CROSS_ENTROPY,
                        Activation.SIGMOID, p),
                Arguments.of(new TargetEncoding.Value(120.0, 35.5, true), Loss.MSE, Activation.IDENTITY, p),
                Arguments.of(new TargetEncoding.Value(120.0, 35.5, false), Loss.HUBER, Activation.SOFTPLUS, p),
                Arguments.of(new TargetEncoding.Values(List.of("a", "b"), List.of(
                        new TargetEncoding.Value(120.0, 35.5, true), new TargetEncoding.Value(-3.0, 0.25, true))),
                        Loss.MSE, Activation.IDENTITY, p),
                Arguments.of(new TargetEncoding.Values(List.of("a", "b"), List.of(
                        new TargetEncoding.Value(120.0, 35.5, false), new TargetEncoding.Value(-3.0, 0.25, false))),
                        Loss.MAE, Activation.IDENTITY, p)));
    }

    @ParameterizedTest(name = "{0}, {3}")
    @MethodSource("targets")
    void everyTargetEncodingMatchesTheService(TargetEncoding target, Loss loss, Activation output, Precision precision)
            throws Exception {
        check(List.of(new LayerSpec.Dense(5, Activation.TANH), new LayerSpec.Dense(target.width(), output)), loss,
                target, precision, precision == Precision.FLOAT32 ? 1e-5 : 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Precision.class)
    void batchNormAndResidualBlocksMatchTheService(Precision precision) throws Exception {
        TargetEncoding target = new TargetEncoding.OneHot(List.of("a", "b", "c"));
        check(List.of(new LayerSpec.BatchNorm(0.1, 1e-5), new LayerSpec.Dense(6, Activation.RELU),
                new LayerSpec.Residual(List.of(new LayerSpec.Dense(4, Activation.TANH), new LayerSpec.BatchNorm(0.5, 1e-3),
                        new LayerSpec.Residual(List.of(new LayerSpec.Dense(4, Activation.ELU)), false)), true),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, target, precision,
                precision == Precision.FLOAT32 ? 1e-5 : 1e-12);
    }

    @Test
    void numericColumnsAloneNeedNoReordering() throws Exception {
        List<FeatureEncoding> numeric = List.of(new FeatureEncoding.Numeric("a", 1.0, 2.0, true),
                new FeatureEncoding.Numeric("b", -3.0, 0.25, true));
        Preprocessing preprocessing = Preprocessing.of(numeric, new TargetEncoding.OneHot(List.of("0", "1")));
        Network network = network(2, List.of(new LayerSpec.Dense(2, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
                Precision.FLOAT32);
        try (OnnxRuntimeRunner onnx = new OnnxRuntimeRunner(OnnxModelWriter.write(model(network, preprocessing)))) {
            Map<String, Object> out = onnx.run(Map.of("a", new float[] {1.5f, Float.NaN}, "b", new float[] {-2f, 4f}),
                    Map.of());
            List<Prediction> expected = service(network, preprocessing,
                    List.of(row("a", 1.5, "b", -2.0), row("a", null, "b", 4.0)));
            float[][] probabilities = (float[][]) out.get("probabilities");
            for (int i = 0; i < 2; i++) {
                assertThat((double) probabilities[i][1]).isCloseTo(expected.get(i).probabilities().get("1"),
                        within(1e-6));
            }
        }
    }

    @Test
    void theGraphNamesItsInputsAfterTheRawColumnsAndDescribesItself() throws Exception {
        Preprocessing preprocessing = Preprocessing.of(FEATURES, new TargetEncoding.OneHot(List.of("a", "b", "c")));
        Network network = network(8, List.of(new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
                Precision.FLOAT32);
        try (OnnxRuntimeRunner onnx = new OnnxRuntimeRunner(OnnxModelWriter.write(model(network, preprocessing)))) {
            var inputs = onnx.session().getInputInfo();
            assertThat(inputs.keySet()).containsExactlyInAnyOrder("x", "color", "y", "size");
            TensorInfo x = (TensorInfo) inputs.get("x").getInfo();
            TensorInfo color = (TensorInfo) inputs.get("color").getInfo();
            assertThat(x.type).isEqualTo(ai.onnxruntime.OnnxJavaType.FLOAT);
            assertThat(color.type).isEqualTo(ai.onnxruntime.OnnxJavaType.STRING);
            assertThat(x.getShape()).containsExactly(-1, 1);
            assertThat(onnx.session().getOutputNames()).containsExactlyInAnyOrder("probabilities", "label_index", "label");
            assertThat(onnx.session().getMetadata().getProducerName()).isEqualTo("chainrule");
            assertThat(onnx.session().getMetadata().getCustomMetadata()).containsEntry("classes", "[\"a\",\"b\",\"c\"]");
        }
    }

    @Test
    void everyLayerKindOfTheEngineHasAnOnnxForm() {
        List<Class<?>> covered = OnnxLayers.ALL.stream().<Class<?>>map(OnnxLayer::kind).toList();
        assertThat(covered).containsExactlyInAnyOrder(LayerSpec.class.getPermittedSubclasses());
    }

    private static void check(List<LayerSpec> layers, Loss loss, TargetEncoding target, Precision precision,
            double tolerance) throws OrtException {
        Preprocessing preprocessing = Preprocessing.of(FEATURES, target);
        Network network = network(preprocessing.inputs(), layers, loss, precision);
        Rows rows = Rows.random(new Random(layers.hashCode() + precision.ordinal()));
        List<Prediction> expected = service(network, preprocessing, rows.instances);
        try (OnnxRuntimeRunner onnx = new OnnxRuntimeRunner(OnnxModelWriter.write(model(network, preprocessing)))) {
            Map<String, Object> out = onnx.run(rows.numeric, rows.categorical);
            for (int i = 0; i < ROWS; i++) {
                Prediction prediction = expected.get(i);
                if (target instanceof TargetEncoding.Values several) {
                    double[] values = ((double[][]) out.get("value"))[i];
                    assertThat(values).hasSize(several.names().size());
                    for (int t = 0; t < values.length; t++) {
                        double service = prediction.values().get(several.names().get(t));
                        assertThat(values[t]).as("row %d target %d", i, t).isCloseTo(service,
                                within(tolerance * Math.max(1, Math.abs(service))));
                    }
                    continue;
                }
                if (target instanceof TargetEncoding.Value) {
                    double value = ((double[][]) out.get("value"))[i][0];
                    assertThat(value).as("row %d", i).isCloseTo(prediction.value(),
                            within(tolerance * Math.max(1, Math.abs(prediction.value()))));
                    continue;
                }
                double[] probabilities = reals(out.get("probabilities"), i);
                List<Double> serviceProbabilities = new ArrayList<>(prediction.probabilities().values());
                for (int k = 0; k < probabilities.length; k++) {
                    assertThat(probabilities[k]).as("row %d class %d", i, k).isCloseTo(serviceProbabilities.get(k),
                            within(tolerance));
                }
                assertThat(((String[]) out.get("label"))[i]).as("row %d", i).isEqualTo(prediction.label());
                assertThat(((long[]) out.get("label_index"))[i])
                        .isEqualTo(target.classes().indexOf(prediction.label()));
            }
        }
    }

    private static double[] reals(Object output, int row) {
        if (output instanceof float[][] floats) {
            double[] widened = new double[floats[row].length];
            for (int k = 0; k < widened.length; k++) {
                widened[k] = floats[row][k];
            }
            return widened;
        }
        return ((double[][]) output)[row];
    }

    private static Network network(int inputs, List<LayerSpec> layers, Loss loss, Precision precision) {
        Network network = Network.create(new NetworkSpec(inputs, layers, loss, WeightInit.XAVIER_NORMAL, 7, 0),
                precision);
        if (network.stateVector() != null) {
            // move batch norm's running statistics away from (0, 1) with a few training passes
            for (int pass = 0; pass < 3; pass++) {
                INDArray x = Nd4j.rand(network.dataType(), 16, inputs).muli(4).subi(1);
                network.computeGradients(x, Nd4j.zeros(network.dataType(), 16, network.outputs()).addi(1.0 / 3), pass);
            }
        }
        return network;
    }

    private static OnnxModel model(Network network, Preprocessing preprocessing) {
        return new OnnxModel("test", "a test model", "0.0.0", network.spec().layers(), network.exportParameters(),
                network.precision(), preprocessing, Map.of("classes", classesJson(preprocessing.classes())));
    }

    private static String classesJson(List<String> classes) {
        return classes.stream().map(c -> "\"" + c + "\"").reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]").orElse("[]");
    }

    /** What the service does with JSON instances: encode, one forward pass, decode. */
    private static List<Prediction> service(Network network, Preprocessing preprocessing, List<Map<String, Object>> rows) {
        INDArray features = preprocessing.encodeInstances(rows, network.precision());
        return preprocessing.decode(network.predict(features));
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /**
     * The same rows twice: as JSON instances for the service and as ONNX inputs. A missing number is null
     * for the service and NaN for ONNX; a missing category is null for the service and one of the
     * importer's missing spellings for ONNX; some categories were never seen in training.
     */
    private record Rows(List<Map<String, Object>> instances, Map<String, float[]> numeric,
            Map<String, String[]> categorical) {

        static Rows random(Random random) {
            List<Map<String, Object>> instances = new ArrayList<>();
            Map<String, float[]> numeric = new HashMap<>(Map.of("x", new float[ROWS], "y", new float[ROWS]));
            Map<String, String[]> categorical = new HashMap<>(Map.of("color", new String[ROWS], "size", new String[ROWS]));
            List<String> colors = List.of("green", "red", "purple", "", "?", "NA", "NaN");
            List<String> sizes = List.of("L", "M", "S", "XL", "");
            for (int i = 0; i < ROWS; i++) {
                Float x = random.nextInt(6) == 0 ? null : (float) (random.nextGaussian() * 3 + 3);
                Float y = random.nextInt(6) == 0 ? null : (float) (random.nextGaussian() - 1);
                String color = colors.get(random.nextInt(colors.size()));
                String size = sizes.get(random.nextInt(sizes.size()));
                numeric.get("x")[i] = x == null ? Float.NaN : x;
                numeric.get("y")[i] = y == null ? Float.NaN : y;
                categorical.get("color")[i] = color;
                categorical.get("size")[i] = size;
                instances.add(row("x", x == null ? null : (double) x,
                        "color", OnnxPreprocessing.MISSING_SPELLINGS.contains(color) ? null : color,
                        "y", y == null ? null : (double) y, "size", size.isEmpty() ? null : size));
            }
            return new Rows(instances, numeric, categorical);
        }
    }

    @Test
    void rowsCoverMissingAndUnseenValues() {
        Rows rows = Rows.random(new Random(1));
        assertThat(Arrays.asList(rows.categorical.get("color"))).contains("purple", "");
        assertThat(rows.instances).anyMatch(r -> r.get("x") == null);
    }
}
