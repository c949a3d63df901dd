package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

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
 * float32 training agrees with float64 training from the same start, under each kernel set. float32
 * carries about seven significant digits and training rounds at every operation and step, so the
 * tolerances are relative to the size of what is compared:
 * <ul>
 * <li>one batch: the loss within 1e-6 of itself, every gradient within 1e-5 of the largest
 * gradient's magnitude (measured: 1e-8 and 2e-7);</li>
 * <li>20 epochs of Adam on digits (900 steps, dropout and L2 included): every epoch's mean loss
 * within 1e-4 of itself, every parameter within 1e-4 of the largest parameter's magnitude
 * (measured: 2.4e-6 and 1.7e-6).</li>
 * </ul>
 */
class PrecisionAgreementTest {

    private static final NetworkSpec SPEC = new NetworkSpec(64, List.of(new LayerSpec.Dense(64, Activation.RELU),
            new LayerSpec.Dropout(0.1), new LayerSpec.Dense(32, Activation.TANH),
            new LayerSpec.Dense(10, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.HE_UNIFORM, 7, 1e-4);

    private static LabeledData digits;

    @BeforeAll
    static void load() {
        Nd4jThreads.pin(1);
        TestCsv csv = TestCsv.read("examples/datasets/split/digits.train.csv");
        digits = csv.oneHot(csv.standardizedFeatures(csv.featureStatistics()), 10);
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void oneBatchGivesTheSameLossAndGradients(Kernels kernels) {
        List<LayerParameters> start = Network.create(SPEC, Precision.FLOAT64).exportParameters();
        Network single = Network.create(SPEC, Precision.FLOAT32, start, kernels);
        Network dual = Network.create(SPEC, Precision.FLOAT64, start, kernels);
        INDArray x = digits.features().get(NDArrayIndex.interval(0, 64)).dup('c');
        INDArray y = digits.targets().get(NDArrayIndex.interval(0, 64)).dup('c');

        double lossSingle = single.computeGradients(x.castTo(DataType.FLOAT), y.castTo(DataType.FLOAT), 3);
        double lossDual = dual.computeGradients(x.castTo(DataType.DOUBLE), y.castTo(DataType.DOUBLE), 3);

        double[] g32 = single.gradientVector().toDoubleVector();
        double[] g64 = dual.gradientVector().toDoubleVector();
        assertThat(Math.abs(lossSingle - lossDual)).isLessThan(1e-6 * lossDual);
        assertThat(maxDifference(g32, g64)).isLessThan(1e-5 * maxMagnitude(g64));
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void twentyEpochsOfAdamEndCloseTogether(Kernels kernels) {
        List<LayerParameters> start = Network.create(SPEC, Precision.FLOAT64).exportParameters();
        TrainingConfig config = new TrainingConfig(20, 32, new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 0),
                new LearningRateSchedule.Constant(), true, 5, null);
        Network single = Network.create(SPEC, Precision.FLOAT32, start, kernels);
        Network dual = Network.create(SPEC, Precision.FLOAT64, start, kernels);

        List<Double> lossesSingle = train(single, config);
        List<Double> lossesDual = train(dual, config);

        double worst = 0;
        for (int epoch = 0; epoch < lossesDual.size(); epoch++) {
            worst = Math.max(worst, Math.abs(lossesSingle.get(epoch) - lossesDual.get(epoch)) / lossesDual.get(epoch));
        }
        double[] p32 = single.parameterVector().toDoubleVector();
        double[] p64 = dual.parameterVector().toDoubleVector();
        assertThat(worst).isLessThan(1e-4);
        assertThat(maxDifference(p32, p64)).isLessThan(1e-4 * maxMagnitude(p64));
    }

    private static List<Double> train(Network network, TrainingConfig config) {
        List<Double> losses = new ArrayList<>();
        new Trainer().train(network, digits, null, config, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
                losses.add(metrics.loss());
            }
        }, null);
        return losses;
    }

    private static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    private static double maxMagnitude(double[] values) {
        double largest = 0;
        for (double v : values) {
            largest = Math.max(largest, Math.abs(v));
        }
        return largest;
    }
}
