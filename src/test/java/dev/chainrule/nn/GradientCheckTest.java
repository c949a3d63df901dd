package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.Kernels;

/**
 * Central differences in float64 against the analytic gradients of every parameter and of the
 * input, for every hidden activation with every loss, every output activation, dropout and L2,
 * batch normalization and residual blocks (with a projection, nested, first), under each kernel set.
 */
class GradientCheckTest {

    private static final double STEP = 1e-6;
    private static final double MAX_RELATIVE_ERROR = 1e-5;
    private static final double ABSOLUTE_FLOOR = 1e-8;
    private static final int ROWS = 5;
    private static final long DROPOUT_SEED = 99;

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static Stream<Arguments> hiddenActivationsWithEveryLoss() {
        List<Arguments> cases = new ArrayList<>();
        KernelSets.both().forEach(kernels -> {
            for (Activation hidden : Activation.values()) {
                cases.add(Arguments.of(kernels, hidden, Activation.IDENTITY, Loss.MSE));
                cases.add(Arguments.of(kernels, hidden, Activation.IDENTITY, Loss.MAE));
                cases.add(Arguments.of(kernels, hidden, Activation.IDENTITY, Loss.HUBER));
                cases.add(Arguments.of(kernels, hidden, Activation.SOFTMAX, Loss.CROSS_ENTROPY));
                cases.add(Arguments.of(kernels, hidden, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY));
            }
        });
        return cases.stream();
    }

    static Stream<Arguments> everyOutputActivationUnderMse() {
        return KernelSets.both().flatMap(kernels -> Stream.of(Activation.values())
                .filter(a -> a != Activation.SOFTMAX)
                .map(output -> Arguments.of(kernels, Activation.TANH, output, Loss.MSE)));
    }

    @ParameterizedTest(name = "{0} kernels: {1} hidden, {2} output, {3}")
    @MethodSource("hiddenActivationsWithEveryLoss")
    void hiddenActivationAndLoss(Kernels kernels, Activation hidden, Activation output, Loss loss) {
        check(spec(hidden, output, loss, List.of(), 0), kernels);
    }

    @ParameterizedTest(name = "{0} kernels: {2} output")
    @MethodSource("everyOutputActivationUnderMse")
    void outputActivation(Kernels kernels, Activation hidden, Activation output, Loss loss) {
        check(spec(hidden, output, loss, List.of(), 0), kernels);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void dropoutBetweenAndBeforeLayersWithL2(Kernels kernels) {
        check(spec(Activation.RELU, Activation.SOFTMAX, Loss.CROSS_ENTROPY,
                List.of(new LayerSpec.Dropout(0.3)), 0.05), kernels);
        check(new NetworkSpec(4, List.of(new LayerSpec.Dropout(0.25), new LayerSpec.Dense(6, Activation.ELU),
                new LayerSpec.Dropout(0.5), new LayerSpec.Dense(3, Activation.GELU), new LayerSpec.Dense(2,
                        Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 4, 0.1), kernels);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void batchNormFirstBetweenAndBeforeTheOutput(Kernels kernels) {
        check(new NetworkSpec(4, List.of(new LayerSpec.BatchNorm(0.1, 1e-5), new LayerSpec.Dense(6, Activation.TANH),
                new LayerSpec.BatchNorm(0.3, 1e-3), new LayerSpec.Dense(5, Activation.RELU),
                new LayerSpec.BatchNorm(1, 1e-5), new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
                WeightInit.XAVIER_UNIFORM, 5, 0.05), kernels);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void residualBlocksWithProjectionNestedAndFirst(Kernels kernels) {
        LayerSpec nested = new LayerSpec.Residual(List.of(new LayerSpec.Dense(6, Activation.SIGMOID),
                new LayerSpec.Residual(List.of(new LayerSpec.Dense(6, Activation.TANH)), false)), false);
        check(new NetworkSpec(4, List.of(new LayerSpec.Residual(List.of(new LayerSpec.Dense(4, Activation.ELU)), false),
                new LayerSpec.Residual(List.of(new LayerSpec.Dense(6, Activation.TANH), new LayerSpec.BatchNorm(0.1, 1e-5),
                        new LayerSpec.Dropout(0.3)), true),
                nested, new LayerSpec.Dense(2, Activation.IDENTITY)), Loss.MSE, WeightInit.TORCH_DEFAULT, 6, 0.02),
                kernels);
    }

    private static NetworkSpec spec(Activation hidden, Activation output, Loss loss, List<LayerSpec> middle, double l2) {
        List<LayerSpec> layers = new ArrayList<>();
        layers.add(new LayerSpec.Dense(5, hidden));
        layers.addAll(middle);
        layers.add(new LayerSpec.Dense(3, output));
        return new NetworkSpec(4, layers, loss, WeightInit.XAVIER_UNIFORM, 17, l2);
    }

    private static void check(NetworkSpec spec, Kernels kernels) {
        Network network = Network.create(spec, Precision.FLOAT64, kernels);
        SplittableRandom random = new SplittableRandom(23);
        INDArray x = randomMatrix(random, ROWS, spec.inputs(), 1.5);
        INDArray y = targets(spec.loss(), network.outputs(), random);
        // give biases non-zero values, so that nothing sits on a symmetric point
        network.parameterVector().addi(randomMatrix(random, 1, (int) network.parameterVector().length(), 0.1)
                .reshape(network.parameterVector().shape()));

        INDArray analyticInput = network.inputGradient(x, y, DROPOUT_SEED).dup();
        double[] analytic = network.gradientVector().toDoubleVector();
        INDArray theta = network.parameterVector();
        for (int i = 0; i < analytic.length; i++) {
            double original = theta.getDouble(i);
            theta.putScalar(i, original + STEP);
            double plus = network.computeGradients(x, y, DROPOUT_SEED);
            theta.putScalar(i, original - STEP);
            double minus = network.computeGradients(x, y, DROPOUT_SEED);
            theta.putScalar(i, original);
            assertAgree(analytic[i], (plus - minus) / (2 * STEP), spec, "parameter " + i);
        }
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < spec.inputs(); c++) {
                double original = x.getDouble(r, c);
                x.putScalar(r, c, original + STEP);
                double plus = network.computeGradients(x, y, DROPOUT_SEED);
                x.putScalar(r, c, original - STEP);
                double minus = network.computeGradients(x, y, DROPOUT_SEED);
                x.putScalar(r, c, original);
                assertAgree(analyticInput.getDouble(r, c), (plus - minus) / (2 * STEP), spec, "input " + r + "," + c);
            }
        }
    }

    private static void assertAgree(double analytic, double numeric, NetworkSpec spec, String what) {
        double difference = Math.abs(analytic - numeric);
        double scale = Math.abs(analytic) + Math.abs(numeric);
        boolean agree = difference < ABSOLUTE_FLOOR || difference / scale < MAX_RELATIVE_ERROR;
        assertThat(agree).as("%s of %s: analytic %s, numeric %s", what, spec, analytic, numeric).isTrue();
    }

    private static INDArray targets(Loss loss, int outputs, SplittableRandom random) {
        double[][] y = new double[ROWS][outputs];
        for (double[] row : y) {
            switch (loss) {
                case CROSS_ENTROPY -> row[random.nextInt(outputs)] = 1;
                case BINARY_CROSS_ENTROPY -> {
                    for (int j = 0; j < outputs; j++) {
                        row[j] = random.nextInt(2);
                    }
                }
                // differences from about −3 to 3 exercise both branches of Huber
                default -> {
                    for (int j = 0; j < outputs; j++) {
                        row[j] = random.nextDouble(-3, 3);
                    }
                }
            }
        }
        return Nd4j.createFromArray(y);
    }

    private static INDArray randomMatrix(SplittableRandom random, int rows, int columns, double scale) {
        double[][] values = new double[rows][columns];
        for (double[] row : values) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian() * scale;
            }
        }
        return Nd4j.createFromArray(values);
    }
}
