package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Activation;
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
 * The recipe of {@code examples/datasets/README.md} (z-scored features, d-64-64-k ReLU, Adam 1e-3,
 * batch 32, float32) on the fixed train/test splits, measured on the held-out test rows, under each
 * kernel set.
 */
class RealDatasetsTest {

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void digitsReachesNinetySixPercentTestAccuracy(Kernels kernels) {
        TestCsv trainCsv = TestCsv.read("examples/datasets/split/digits.train.csv");
        TestCsv testCsv = TestCsv.read("examples/datasets/split/digits.test.csv");
        double[][] statistics = trainCsv.featureStatistics();
        LabeledData train = trainCsv.oneHot(trainCsv.standardizedFeatures(statistics), 10);
        INDArray testFeatures = testCsv.standardizedFeatures(statistics);
        Network network = Network.create(mlp(64, 10, Activation.SOFTMAX, Loss.CROSS_ENTROPY), Precision.FLOAT32,
                kernels);

        // 0.961 after 20 epochs, 0.972 after 35 on this seed: 35 leaves a margin for other CPUs
        new Trainer().train(network, train, null, adam(35), null, null);

        long[] predicted = Nd4j.argMax(network.predict(testFeatures), 1).toLongVector();
        int[] expected = testCsv.classIndices();
        int correct = 0;
        for (int i = 0; i < expected.length; i++) {
            correct += predicted[i] == expected[i] ? 1 : 0;
        }
        assertThat(correct / (double) expected.length).isGreaterThanOrEqualTo(0.96);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void diabetesBeatsPredictingTheMeanByAWideMargin(Kernels kernels) {
        TestCsv trainCsv = TestCsv.read("examples/datasets/split/diabetes.train.csv");
        TestCsv testCsv = TestCsv.read("examples/datasets/split/diabetes.test.csv");
        double[][] statistics = trainCsv.featureStatistics();
        double mean = java.util.Arrays.stream(trainCsv.target()).average().orElseThrow();
        double deviation = Math.sqrt(java.util.Arrays.stream(trainCsv.target())
                .map(t -> (t - mean) * (t - mean)).average().orElseThrow());
        LabeledData train = trainCsv.column(trainCsv.standardizedFeatures(statistics), mean, deviation, false);
        Network network = Network.create(mlp(10, 1, Activation.IDENTITY, Loss.MSE), Precision.FLOAT32, kernels);

        new Trainer().train(network, train, null, adam(50), null, null);

        double[] predicted = network.predict(testCsv.standardizedFeatures(statistics)).toDoubleVector();
        double squared = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] * deviation + mean - testCsv.target()[i];
            squared += error * error;
        }
        assertThat(Math.sqrt(squared / predicted.length)).isLessThan(60);
    }

    private static NetworkSpec mlp(int inputs, int outputs, Activation output, Loss loss) {
        return new NetworkSpec(inputs, List.of(new LayerSpec.Dense(64, Activation.RELU),
                new LayerSpec.Dense(64, Activation.RELU), new LayerSpec.Dense(outputs, output)), loss,
                WeightInit.HE_UNIFORM, 2024, 0);
    }

    private static TrainingConfig adam(int epochs) {
        return new TrainingConfig(epochs, 32, new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 0),
                new LearningRateSchedule.Constant(), true, 5, null);
    }
}
