package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerPass;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Parameter;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * The trainer's per-layer telemetry, under both kernel sets, against the same quantities computed
 * independently: a second network on the reference kernels stepped by hand with plain SGD, its
 * gradients, error signals and parameters before and after each step read with ND4J's own norms.
 */
class LayerTelemetryTest {

    private static final double LR = 0.1;
    private static final NetworkSpec SPEC = new NetworkSpec(4, List.of(new LayerSpec.Dense(6, Activation.TANH),
            new LayerSpec.Dense(5, Activation.SIGMOID), new LayerSpec.Dense(3, Activation.SOFTMAX)),
            Loss.CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 11, 1e-3);

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    static List<Kernels> kernelSets() {
        return dev.chainrule.nn.KernelSets.both().toList();
    }

    static List<Arguments> kernelsAndBatches() {
        // 3 batches an epoch, all measured; 70 batches, every third measured
        return kernelSets().stream().flatMap(k -> java.util.stream.Stream.of(Arguments.of(k, 12, 5),
                Arguments.of(k, 70, 1))).toList();
    }

    @ParameterizedTest
    @MethodSource("kernelsAndBatches")
    void everyValueMatchesAnIndependentPlainSgdRunBatchByBatch(Kernels kernels, int rows, int batch) {
        int epochs = 2;
        int batches = (rows + batch - 1) / batch;
        int stride = batches <= 32 ? 1 : (batches + 31) / 32;
        LabeledData data = classification(rows, 3);
        List<List<LayerTelemetry>> recorded = train(Network.create(SPEC, Precision.FLOAT64, kernels), data,
                new TrainingConfig(epochs, batch, new OptimizerSpec.Sgd(LR, 0, false, 0), null, false, 1, null));

        Network reference = Network.create(SPEC, Precision.FLOAT64, ReferenceKernels.INSTANCE);
        List<Parameter> parameters = reference.parameters();
        for (int epoch = 0; epoch < epochs; epoch++) {
            Expected[] expected = {new Expected(), new Expected(), new Expected()};
            for (int from = 0; from < rows; from += batch) {
                int count = Math.min(batch, rows - from);
                INDArray x = data.features().get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()).dup();
                INDArray y = data.targets().get(NDArrayIndex.interval(from, from + count), NDArrayIndex.all()).dup();
                reference.computeGradients(x, y, 0);
                if ((from / batch) % stride != 0) {
                    reference.parameterVector().subi(reference.gradientVector().mul(LR));   // not measured
                    continue;
                }
                List<LayerPass> passes = reference.lastPass();
                INDArray[] weightsBefore = new INDArray[3];
                for (int l = 0; l < 3; l++) {
                    Expected e = expected[l];
                    e.gradientSquares += square(parameters.get(2 * l).gradient().norm2Number().doubleValue());
                    e.biasGradientSquares += square(parameters.get(2 * l + 1).gradient().norm2Number().doubleValue());
                    e.errorSum += passes.get(l).dLdz().norm2Number().doubleValue() / Math.sqrt(count);
                    weightsBefore[l] = parameters.get(2 * l).value().dup();
                    if (from == 0) {
                        e.activations = passes.get(l).a().toDoubleMatrix();
                    }
                }
                reference.parameterVector().subi(reference.gradientVector().mul(LR));   // plain SGD by hand
                for (int l = 0; l < 3; l++) {
                    INDArray after = parameters.get(2 * l).value();
                    expected[l].ratioSum += after.sub(weightsBefore[l]).norm2Number().doubleValue()
                            / weightsBefore[l].norm2Number().doubleValue();
                }
                for (Expected e : expected) {
                    e.batches++;
                }
            }
            for (int l = 0; l < 3; l++) {
                LayerTelemetry t = recorded.get(epoch).get(l);
                Expected e = expected[l];
                assertThat(t.layer()).isEqualTo(l);
                assertThat(t.kind()).isEqualTo("dense");
                assertClose(t.weightNorm(), parameters.get(2 * l).value().norm2Number().doubleValue());
                assertClose(t.gradientNorm(), Math.sqrt(e.gradientSquares / e.batches));
                assertClose(t.biasGradientNorm(), Math.sqrt(e.biasGradientSquares / e.batches));
                assertClose(t.updateRatio(), e.ratioSum / e.batches);
                assertClose(t.errorNorm(), e.errorSum / e.batches);
                double[] values = Arrays.stream(e.activations).flatMapToDouble(Arrays::stream).toArray();
                double mean = Arrays.stream(values).average().orElseThrow();
                double std = Math.sqrt(Arrays.stream(values).map(v -> square(v - mean)).average().orElseThrow());
                assertClose(t.activationMean(), mean);
                assertClose(t.activationStd(), std);
            }
            assertThat(recorded.get(epoch).get(0).saturatedFraction()).isNotNull();
            assertThat(recorded.get(epoch).get(2).saturatedFraction()).as("softmax does not saturate here").isNull();
        }
    }

    /** For plain SGD the update is lr·g, so ‖ΔW‖/‖W‖ = lr·‖g‖/‖W‖, with g and W before the step. */
    @ParameterizedTest
    @MethodSource("kernelSets")
    void theUpdateRatioOfPlainSgdIsTheLearningRateTimesGradientOverWeightNorm(Kernels kernels) {
        LabeledData data = classification(8, 3);
        Network reference = Network.create(SPEC, Precision.FLOAT64, ReferenceKernels.INSTANCE);
        reference.computeGradients(data.features(), data.targets(), 0);
        List<LayerTelemetry> recorded = train(Network.create(SPEC, Precision.FLOAT64, kernels), data,
                new TrainingConfig(1, 8, new OptimizerSpec.Sgd(LR, 0, false, 0), null, false, 1, null)).get(0);
        for (int l = 0; l < 3; l++) {
            Parameter w = reference.parameters().get(2 * l);
            double gradient = w.gradient().norm2Number().doubleValue();
            assertClose(recorded.get(l).gradientNorm(), gradient);
            assertClose(recorded.get(l).updateRatio(), LR * gradient / w.value().norm2Number().doubleValue());
        }
    }

    /**
     * A ReLU layer with two units that only ever see negative pre-activations (dead), and a sigmoid
     * layer with one unit driven far into saturation and one sitting at 0.5.
     */
    @ParameterizedTest
    @MethodSource("kernelSets")
    void countsDeadReluUnitsAndSaturatedSigmoidOutputs(Kernels kernels) {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec.Dense(4, Activation.RELU),
                new LayerSpec.Dense(2, Activation.SIGMOID), new LayerSpec.Dense(1, Activation.IDENTITY)),
                Loss.MSE, WeightInit.XAVIER_NORMAL, 1, 0);
        double[][] relu = {{-1, -1, 1, 0.5}, {-1, -1, 1, 0.5}, {-1, -1, 1, 0.5}};
        double[][] sigmoid = {{50, 0}, {50, 0}, {50, 0}, {50, 0}};
        List<LayerParameters> initial = List.of(new LayerParameters(relu, new double[] {-1, -1, 0.1, 0.1}),
                new LayerParameters(sigmoid, new double[] {0, 0}), new LayerParameters(new double[][] {{1}, {1}},
                        new double[] {0}));
        double[][] x = new double[10][3];
        double[][] y = new double[10][1];
        SplittableRandom random = new SplittableRandom(3);
        for (double[] row : x) {
            Arrays.setAll(row, j -> 0.1 + random.nextDouble());
        }
        LabeledData data = new LabeledData(Nd4j.createFromArray(x), Nd4j.createFromArray(y), null);
        List<LayerTelemetry> layers = train(Network.create(spec, Precision.FLOAT64, initial, kernels), data,
                new TrainingConfig(1, 10, new OptimizerSpec.Sgd(1e-6, 0, false, 0), null, false, 1, null)).get(0);

        assertThat(layers.get(0).deadFraction()).isEqualTo(0.5);
        assertThat(layers.get(0).saturatedFraction()).isNull();
        assertThat(layers.get(1).deadFraction()).isZero();
        assertThat(layers.get(1).saturatedFraction()).isEqualTo(0.5);
        assertThat(layers.get(2).saturatedFraction()).isNull();
    }

    @Test
    void aListenerThatDoesNotAskGetsNoTelemetry() {
        List<List<LayerTelemetry>> seen = new ArrayList<>();
        new Trainer().train(Network.create(SPEC, Precision.FLOAT32), classification(8, 3), null,
                new TrainingConfig(2, 4, new OptimizerSpec.Sgd(LR, 0, false, 0), null, false, 1, null),
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics m, List<LayerTelemetry> layers, Supplier<TrainerCheckpoint> c) {
                        seen.add(layers);
                    }
                }, null);
        assertThat(seen).hasSize(2).allSatisfy(layers -> assertThat(layers).isEmpty());
    }

    @Test
    void saturationCountsTanhOutputsBeyondTheLimitAndOnlyForSaturatingActivations() {
        double[] a = {0.995, 0.2, -0.999, 0.98};
        assertThat(TelemetryCollector.statistics(a, 2, 2, Activation.TANH)[3]).isEqualTo(0.5);
        assertThat(TelemetryCollector.statistics(a, 2, 2, Activation.RELU)[3]).isZero();
        assertThat(TelemetryCollector.statistics(new double[] {0, 1, 0, 2}, 2, 2, Activation.RELU)[2]).isEqualTo(0.5);
    }

    private static List<List<LayerTelemetry>> train(Network network, LabeledData data, TrainingConfig config) {
        List<List<LayerTelemetry>> recorded = new ArrayList<>();
        TrainingOutcome outcome = new Trainer().train(network, data, null, config, new TrainingListener() {
            @Override
            public boolean wantsLayerTelemetry() {
                return true;
            }

            @Override
            public void onEpoch(EpochMetrics m, List<LayerTelemetry> layers, Supplier<TrainerCheckpoint> c) {
                recorded.add(layers);
            }
        }, null);
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
        return recorded;
    }

    private static LabeledData classification(int rows, int classes) {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[rows][4];
        double[][] y = new double[rows][classes];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            Arrays.setAll(x[r], j -> random.nextGaussian());
            labels[r] = r % classes;
            y[r][labels[r]] = 1;
        }
        return new LabeledData(Nd4j.createFromArray(x).castTo(DataType.DOUBLE),
                Nd4j.createFromArray(y).castTo(DataType.DOUBLE), labels);
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }

    private static double square(double v) {
        return v * v;
    }

    private static final class Expected {
        double gradientSquares;
        double biasGradientSquares;
        double errorSum;
        double ratioSum;
        double[][] activations;
        int batches;
    }
}
