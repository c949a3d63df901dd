package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.TestCsv;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * The two problems of Rumelhart, Hinton and Williams (1986): sigmoid units, MSE, SGD with momentum,
 * learned under each kernel set.
 */
class ClassicProblemsTest {

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void xorIsLearnedByA221Network(Kernels kernels) {
        TestCsv csv = TestCsv.read("examples/datasets/xor.csv");
        LabeledData data = csv.column(csv.rawFeatures(), 0, 1, true);
        NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec.Dense(2, Activation.SIGMOID),
                new LayerSpec.Dense(1, Activation.SIGMOID)), Loss.MSE, WeightInit.XAVIER_UNIFORM, 1, 0);
        // the paper's small uniform start, U(±0.3), drawn from a fixed seed
        Network network = Network.create(spec, Precision.FLOAT32, uniformParameters(new int[] {2, 2, 1}, 0.3, 11),
                kernels);

        TrainingOutcome outcome = new Trainer().train(network, data, null, sgd(0.5, 3000, 4), null, null);

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
        assertThat(outcome.lastEpoch().loss()).isLessThan(0.01);
        assertThat(predictedClasses(network, data)).containsExactly(0, 1, 1, 0);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void encoder838LearnsAllEightPatterns(Kernels kernels) {
        TestCsv csv = TestCsv.read("examples/datasets/encoder_8_3_8.csv");
        LabeledData data = csv.oneHot(csv.rawFeatures(), 8);
        NetworkSpec spec = new NetworkSpec(8, List.of(new LayerSpec.Dense(3, Activation.SIGMOID),
                new LayerSpec.Dense(8, Activation.SIGMOID)), Loss.MSE, WeightInit.XAVIER_UNIFORM, 3, 0);
        Network network = Network.create(spec, Precision.FLOAT32, kernels);

        TrainingOutcome outcome = new Trainer().train(network, data, null, sgd(2.0, 2000, 8), null, null);

        assertThat(outcome.lastEpoch().accuracy()).isEqualTo(1.0);
        assertThat(predictedClasses(network, data)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    static List<LayerParameters> uniformParameters(int[] widths, double limit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LayerParameters> layers = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            double[][] w = new double[widths[l]][widths[l + 1]];
            for (double[] row : w) {
                Arrays.setAll(row, i -> random.nextDouble(-limit, limit));
            }
            double[] b = new double[widths[l + 1]];
            Arrays.setAll(b, i -> random.nextDouble(-limit, limit));
            layers.add(new LayerParameters(w, b));
        }
        return layers;
    }

    private static TrainingConfig sgd(double learningRate, int epochs, int batchSize) {
        return new TrainingConfig(epochs, batchSize, new OptimizerSpec.Sgd(learningRate, 0.9, false, 0),
                new LearningRateSchedule.Constant(), false, 7, null);
    }

    private static int[] predictedClasses(Network network, LabeledData data) {
        INDArray out = network.predict(data.features());
        if (out.columns() == 1) {
            return Arrays.stream(out.toDoubleVector()).mapToInt(p -> p >= 0.5 ? 1 : 0).toArray();
        }
        return Arrays.stream(org.nd4j.linalg.factory.Nd4j.argMax(out, 1).toLongVector())
                .mapToInt(v -> (int) v).toArray();
    }
}
