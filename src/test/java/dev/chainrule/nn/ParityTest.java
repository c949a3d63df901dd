package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Holds the engine against PyTorch's float64 numbers in {@code src/test/resources/parity/}. */
class ParityTest {

    private static final double TOLERANCE = 1e-6;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<File> fixtures() {
        File[] files = new File("src/test/resources/parity").listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(files).isNotEmpty();
        return Stream.of(files);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void forwardLossAndGradientsMatchPyTorch(File file) {
        Fixture fixture = Fixture.read(file);
        Network network = fixture.network();

        assertClose(network.predict(fixture.x).toDoubleMatrix(), matrix(fixture.json.get("forward").get("output")));
        double loss = network.computeGradients(fixture.x, fixture.y, 0);
        assertThat(loss).isCloseTo(fixture.json.get("loss_value").asDouble(), within(TOLERANCE));
        assertClose(network.gradientVector().toDoubleVector(), flatten(fixture.json.get("grads")));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void optimizerTrajectoriesMatchPyTorch(File file) {
        Fixture fixture = Fixture.read(file);
        JsonNode steps = fixture.json.get("optimizer_steps");
        for (String name : List.of("sgd", "sgd_momentum", "sgd_nesterov", "adam")) {
            JsonNode expected = steps.get(name);
            Network network = fixture.network();
            Optimizer optimizer = Optimizer.create(optimizerSpec(expected), network.parameterVector().length(),
                    DataType.DOUBLE);
            for (int step = 0; step < 3; step++) {
                double loss = network.computeGradients(fixture.x, fixture.y, 0);
                assertThat(loss).as("%s loss before step %d", name, step + 1)
                        .isCloseTo(expected.get("loss_before_each_step").get(step).asDouble(), within(TOLERANCE));
                optimizer.step(network.parameterVector(), network.gradientVector(), expected.get("lr").asDouble());
                if (step == 0) {
                    assertClose(network.parameterVector().toDoubleVector(), flatten(expected.get("after_1_step")));
                }
            }
            assertClose(network.parameterVector().toDoubleVector(), flatten(expected.get("after_3_steps")));
        }
    }

    private static OptimizerSpec optimizerSpec(JsonNode json) {
        double lr = json.get("lr").asDouble();
        if (json.get("type").asString().equals("adam")) {
            return new OptimizerSpec.Adam(lr, json.get("betas").get(0).asDouble(), json.get("betas").get(1).asDouble(),
                    json.get("eps").asDouble(), 0);
        }
        return new OptimizerSpec.Sgd(lr, json.get("momentum").asDouble(),
                json.has("nesterov") && json.get("nesterov").asBoolean(), 0);
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    private static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(actual[i], expected[i]);
        }
    }

    /** Layers' W (row-major) then b, the layout of the network's flat vectors. */
    private static double[] flatten(JsonNode layers) {
        List<Double> values = new ArrayList<>();
        for (JsonNode layer : layers) {
            for (double[] row : matrix(layer.get("W"))) {
                for (double v : row) {
                    values.add(v);
                }
            }
            for (JsonNode v : layer.get("b")) {
                values.add(v.asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] vector(JsonNode values) {
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i).asDouble();
        }
        return v;
    }

    static double[][] matrix(JsonNode rows) {
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            m[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                m[i][j] = row.get(j).asDouble();
            }
        }
        return m;
    }

    private static final class Fixture {
        final JsonNode json;
        final INDArray x;
        final INDArray y;
        final NetworkSpec spec;
        final List<LayerParameters> initial = new ArrayList<>();

        private Fixture(JsonNode json) {
            this.json = json;
            JsonNode widths = json.get("layers");
            Activation hidden = Activation.fromJsonName(json.get("hidden_activation").asString()).orElseThrow();
            Activation output = Activation.fromJsonName(json.get("output_activation").asString()).orElseThrow();
            Loss loss = json.get("loss").asString().startsWith("cross_entropy") ? Loss.CROSS_ENTROPY : Loss.MSE;
            int outputs = widths.get(2).asInt();
            spec = new NetworkSpec(widths.get(0).asInt(), List.of(new LayerSpec.Dense(widths.get(1).asInt(), hidden),
                    new LayerSpec.Dense(outputs, output)), loss, WeightInit.XAVIER_UNIFORM, 0, 0);
            for (JsonNode layer : json.get("initial_params")) {
                double[][] w = matrix(layer.get("W"));
                double[] b = vector(layer.get("b"));
                initial.add(new LayerParameters(w, b));
            }
            x = Nd4j.createFromArray(matrix(json.get("batch").get("x")));
            JsonNode labels = json.get("batch").get("y");
            if (loss == Loss.CROSS_ENTROPY) {
                double[][] oneHot = new double[labels.size()][outputs];
                for (int i = 0; i < labels.size(); i++) {
                    oneHot[i][labels.get(i).asInt()] = 1;
                }
                y = Nd4j.createFromArray(oneHot);
            } else {
                y = Nd4j.createFromArray(matrix(labels));
            }
        }

        static Fixture read(File file) {
            return new Fixture(new ObjectMapper().readTree(file));
        }

        Network network() {
            return Network.create(spec, Precision.FLOAT64, initial);
        }
    }
}
