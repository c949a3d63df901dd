package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Holds the engine, under each kernel set, against PyTorch's float64 numbers in
 * {@code src/test/resources/parity/} (made by {@code make_parity.py} there).
 */
class ParityTest {

    private static final double TOLERANCE = 1e-6;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<Arguments> fixtures() {
        File[] files = new File("src/test/resources/parity").listFiles((dir, name) -> name.endsWith(".json"));
        assertThat(files).hasSizeGreaterThanOrEqualTo(7);
        return KernelSets.both().flatMap(kernels -> Stream.of(files).sorted()
                .map(file -> Arguments.of(kernels, file.getName(), file)));
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void forwardLossAndGradientsMatchPyTorch(Kernels kernels, String name, File file) {
        Fixture fixture = Fixture.read(file);
        Network network = fixture.network(kernels);

        assertClose(network.predict(fixture.x).toDoubleMatrix(), matrix(fixture.json.get("forward").get("output")));
        double loss = network.computeGradients(fixture.x, fixture.y, 0);
        assertThat(loss).isCloseTo(fixture.json.get("loss_value").asDouble(), within(TOLERANCE));
        assertClose(network.gradientVector().toDoubleVector(), flatten(fixture.json.get("grads")));
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void theOutputLayersPassHoldsPyTorchsPreActivationOutputsAndGradients(Kernels kernels, String name, File file) {
        Fixture fixture = Fixture.read(file);
        Network network = fixture.network(kernels);

        network.computeGradients(fixture.x, fixture.y, 0);

        List<LayerPass> passes = network.lastPass();
        LayerPass output = passes.get(passes.size() - 1);
        JsonNode forward = fixture.json.get("forward");
        assertClose(output.z().toDoubleMatrix(), matrix(forward.get("pre_activation_output_z")));
        assertClose(output.a().toDoubleMatrix(), matrix(forward.get("output")));
        JsonNode grads = fixture.json.get("grads");
        for (int l = 0; l < passes.size(); l++) {
            LayerPass pass = passes.get(l);
            assertClose(pass.parameters().get(0).gradient().toDoubleMatrix(), matrix(grads.get(l).get("W")));
            assertClose(pass.parameters().get(1).gradient().toDoubleVector(), vector(grads.get(l).get("b")));
            if (l > 0) {
                assertThat(passes.get(l - 1).dLda()).as("dL/da of layer %d is dL/dx of the next", l)
                        .isSameAs(pass.dLdInput());
            }
        }
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void optimizerTrajectoriesMatchPyTorch(Kernels kernels, String name, File file) {
        Fixture fixture = Fixture.read(file);
        JsonNode steps = fixture.json.get("optimizer_steps");
        List<String> names = new ArrayList<>();
        steps.propertyNames().forEach(names::add);
        assertThat(names).contains("sgd", "sgd_momentum", "sgd_nesterov", "adam", "rmsprop", "rmsprop_momentum");
        for (String optimizerName : names) {
            JsonNode expected = steps.get(optimizerName);
            Network network = fixture.network(kernels);
            Optimizer optimizer = kernels.optimizer(optimizerSpec(expected), network.parameterVector().length(),
                    DataType.DOUBLE);
            for (int step = 0; step < 3; step++) {
                double loss = network.computeGradients(fixture.x, fixture.y, 0);
                assertThat(loss).as("%s loss before step %d", optimizerName, step + 1)
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
        double weightDecay = json.has("weight_decay") ? json.get("weight_decay").asDouble() : 0;
        return switch (json.get("type").asString()) {
            case "adam" -> new OptimizerSpec.Adam(lr, json.get("betas").get(0).asDouble(),
                    json.get("betas").get(1).asDouble(), json.get("eps").asDouble(), weightDecay);
            case "rmsprop" -> new OptimizerSpec.RmsProp(lr, json.get("alpha").asDouble(), json.get("eps").asDouble(),
                    json.get("momentum").asDouble(), weightDecay);
            default -> new OptimizerSpec.Sgd(lr, json.get("momentum").asDouble(),
                    json.has("nesterov") && json.get("nesterov").asBoolean(), weightDecay);
        };
    }

    static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }

    static void assertClose(double[][] actual, double[][] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertClose(actual[i], expected[i]);
        }
    }

    /** Layers' W (row-major) then b, the layout of the network's flat vectors. */
    static double[] flatten(JsonNode layers) {
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

    /** A fixture's network, batch and expected numbers; every hidden layer has the hidden activation. */
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
            String lossName = json.get("loss").asString();
            Loss loss = Loss.fromJsonName(lossName.substring(0, lossName.indexOf(':'))).orElseThrow();
            List<LayerSpec> layers = new ArrayList<>();
            for (int l = 1; l < widths.size(); l++) {
                layers.add(new LayerSpec.Dense(widths.get(l).asInt(), l == widths.size() - 1 ? output : hidden));
            }
            int outputs = widths.get(widths.size() - 1).asInt();
            spec = new NetworkSpec(widths.get(0).asInt(), layers, loss, WeightInit.XAVIER_UNIFORM, 0, 0);
            for (JsonNode layer : json.get("initial_params")) {
                initial.add(new LayerParameters(matrix(layer.get("W")), vector(layer.get("b"))));
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

        Network network(Kernels kernels) {
            return Network.create(spec, Precision.FLOAT64, initial, kernels);
        }
    }
}
