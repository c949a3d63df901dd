package dev.chainrule.nn;

import static dev.chainrule.nn.ParityTest.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.GradientClipping;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainingConfig;
import tools.jackson.databind.JsonNode;

/**
 * Batch normalization, residual blocks (with a projection, nested) and gradient clipping, under each
 * kernel set, against PyTorch's float64 numbers in {@code src/test/resources/parity/cures/}: the
 * eval-mode output (running statistics), the training-mode output, the loss, every parameter gradient
 * and the input gradient, the running statistics after a training pass, and the parameters after 1
 * and 3 steps of SGD with momentum and of Adam run by the trainer (clipping included).
 */
class CuresParityTest {

    private static final double TOLERANCE = 1e-6;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<Arguments> fixtures() {
        return KernelSets.both().flatMap(kernels -> CuresFixture.all().stream().map(f -> Arguments.of(kernels, f)));
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void forwardLossGradientsAndRunningStatisticsMatchPyTorch(Kernels kernels, CuresFixture fixture) {
        Network network = fixture.network(kernels);
        assertClose(network.predict(fixture.x).toDoubleMatrix(), CuresFixture.matrix(fixture.json.get("eval_output_initial")));

        INDArray inputGradient = network.inputGradient(fixture.x, fixture.y, 0);

        assertClose(network.lastOutput().toDoubleMatrix(), CuresFixture.matrix(fixture.json.get("train_output")));
        assertClose(network.gradientVector().toDoubleVector(), CuresFixture.vector(fixture.json.get("grads")));
        assertClose(inputGradient.toDoubleMatrix(), CuresFixture.matrix(fixture.json.get("input_grad")));
        assertClose(CuresFixture.flatten(network.exportParameters()),
                CuresFixture.flatten(CuresFixture.parameters(fixture.json.get("parameters_after_forward"))));
        double loss = network.computeGradients(fixture.x, fixture.y, 0);
        assertThat(loss).isCloseTo(fixture.json.get("loss_value").asDouble(), within(TOLERANCE));
    }

    @ParameterizedTest(name = "{0} kernels: {1}")
    @MethodSource("fixtures")
    void trainerStepsMatchPyTorch(Kernels kernels, CuresFixture fixture) {
        JsonNode steps = fixture.json.get("optimizer_steps");
        for (String optimizer : new String[] {"sgd_momentum", "adam"}) {
            JsonNode expected = steps.get(optimizer);
            for (int epochs : new int[] {1, 3}) {
                Network network = fixture.network(kernels);
                new Trainer().train(network, new LabeledData(fixture.x, fixture.y, fixture.classes), null,
                        config(fixture, expected, epochs), null, null);
                assertClose(CuresFixture.flatten(network.exportParameters()), CuresFixture.flatten(
                        CuresFixture.parameters(expected.get(epochs == 1 ? "after_1_step" : "after_3_steps"))));
                if (epochs == 3) {
                    assertClose(network.predict(fixture.x).toDoubleMatrix(),
                            CuresFixture.matrix(expected.get("eval_output_after_3_steps")));
                }
            }
        }
    }

    private static TrainingConfig config(CuresFixture fixture, JsonNode optimizer, int epochs) {
        double lr = optimizer.get("lr").asDouble();
        OptimizerSpec spec = optimizer.get("type").asString().equals("adam")
                ? new OptimizerSpec.Adam(lr, optimizer.get("betas").get(0).asDouble(),
                        optimizer.get("betas").get(1).asDouble(), optimizer.get("eps").asDouble(), 0)
                : new OptimizerSpec.Sgd(lr, optimizer.get("momentum").asDouble(), false, 0);
        JsonNode clipping = fixture.json.get("clipping");
        GradientClipping clip = new GradientClipping(number(clipping.get("gradientClipNorm")),
                number(clipping.get("gradientClipValue")));
        return new TrainingConfig(epochs, (int) fixture.x.rows(), spec, null, false, 0, null, clip);
    }

    private static Double number(JsonNode node) {
        return node == null || node.isNull() ? null : node.asDouble();
    }
}
