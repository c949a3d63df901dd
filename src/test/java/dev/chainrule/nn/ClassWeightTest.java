package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Class-weighted losses against PyTorch's {@code weight=} (fixtures in {@code parity/class_weights/},
 * made by the script beside them) and against central differences, under both kernel sets.
 */
class ClassWeightTest {

    private static final double TOLERANCE = 1e-6;
    private static final double STEP = 1e-6;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<Arguments> fixtures() {
        File[] files = new File("src/test/resources/parity/class_weights").listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(files).hasSize(3);
        return KernelSets.both().flatMap(kernels -> Stream.of(files).sorted()
                .map(file -> Arguments.of(kernels, file.getName(), file)));
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void weightedLossAndGradientsMatchPyTorch(Kernels kernels, String name, File file) {
        Fixture fixture = new Fixture(new ObjectMapper().readTree(file));
        Network network = fixture.network(kernels);

        double loss = network.computeGradients(fixture.x, fixture.y, 0);

        assertThat(loss).isCloseTo(fixture.json.get("loss_value").asDouble(), within(TOLERANCE));
        double[] expected = ParityTest.flatten(fixture.json.get("grads"));
        double[] actual = network.gradientVector().toDoubleVector();
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("gradient %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void weightedGradientsAgreeWithCentralDifferences(Kernels kernels, String name, File file) {
        Fixture fixture = new Fixture(new ObjectMapper().readTree(file));
        Network network = fixture.network(kernels);
        network.computeGradients(fixture.x, fixture.y, 0);
        double[] analytic = network.gradientVector().toDoubleVector();
        INDArray theta = network.parameterVector();

        for (int i = 0; i < analytic.length; i++) {
            double original = theta.getDouble(i);
            theta.putScalar(i, original + STEP);
            double plus = network.computeGradients(fixture.x, fixture.y, 0);
            theta.putScalar(i, original - STEP);
            double minus = network.computeGradients(fixture.x, fixture.y, 0);
            theta.putScalar(i, original);
            double numeric = (plus - minus) / (2 * STEP);
            double difference = Math.abs(analytic[i] - numeric);
            assertThat(difference < 1e-8 || difference / (Math.abs(analytic[i]) + Math.abs(numeric)) < 1e-5)
                    .as("parameter %d: analytic %s, numeric %s", i, analytic[i], numeric).isTrue();
        }
    }

    @Test
    void unitWeightsLeaveTheLossAsItWasAndWrongCountsOrLossesAreRefused() {
        Fixture fixture = new Fixture(new ObjectMapper().readTree(new File(
                "src/test/resources/parity/class_weights/ce_4_5_3_tanh.json")));
        Network network = fixture.network(KernelSets.both().findFirst().orElseThrow());
        double weighted = network.computeGradients(fixture.x, fixture.y, 0);
        network.weightClasses(new double[] {1, 1, 1});
        double unit = network.computeGradients(fixture.x, fixture.y, 0);
        network.weightClasses(null);

        assertThat(network.computeGradients(fixture.x, fixture.y, 0)).isEqualTo(unit);
        assertThat(unit).isNotCloseTo(weighted, within(1e-3));
        assertThatThrownBy(() -> network.weightClasses(new double[] {1, 2})).hasMessageContaining("2 class weights for 3");
        assertThatThrownBy(() -> network.weightClasses(new double[] {1, 0, 2})).hasMessageContaining("positive");
        NetworkSpec mae = new NetworkSpec(2, List.of(new LayerSpec.Dense(2, Activation.IDENTITY)), Loss.MAE,
                WeightInit.XAVIER_UNIFORM, 0, 0);
        assertThatThrownBy(() -> Network.create(mae, Precision.FLOAT64).weightClasses(new double[] {1, 2}))
                .hasMessageContaining("not mae");
    }

    private static final class Fixture {
        final JsonNode json;
        final INDArray x;
        final INDArray y;
        final NetworkSpec spec;
        final List<LayerParameters> initial = new ArrayList<>();

        Fixture(JsonNode json) {
            this.json = json;
            JsonNode widths = json.get("layers");
            Activation hidden = Activation.fromJsonName(json.get("hidden_activation").asString()).orElseThrow();
            Activation output = Activation.fromJsonName(json.get("output_activation").asString()).orElseThrow();
            Loss loss = Loss.fromJsonName(json.get("loss").asString()).orElseThrow();
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 1; l < widths.size(); l++) {
                layers.add(new LayerSpec.Dense(widths.get(l).asInt(), l == widths.size() - 1 ? output : hidden));
            }
            spec = new NetworkSpec(widths.get(0).asInt(), layers, loss, WeightInit.XAVIER_UNIFORM, 0, 0);
            for (JsonNode layer : json.get("initial_params")) {
                initial.add(new LayerParameters(ParityTest.matrix(layer.get("W")), ParityTest.vector(layer.get("b"))));
            }
            x = Nd4j.createFromArray(ParityTest.matrix(json.get("x")));
            y = Nd4j.createFromArray(ParityTest.matrix(json.get("y")));
        }

        Network network(Kernels kernels) {
            Network network = Network.create(spec, Precision.FLOAT64, initial, kernels);
            network.weightClasses(ParityTest.vector(json.get("class_weights")));
            return network;
        }
    }
}
