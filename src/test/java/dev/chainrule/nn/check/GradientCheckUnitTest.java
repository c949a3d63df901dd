package dev.chainrule.nn.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;

/** The checker passes correct gradients and catches wrong ones, with DL4J's relative error and floor. */
class GradientCheckUnitTest {

    @BeforeAll
    static void pinThreads() {
        Nd4jThreads.pin(1);
    }

    @Test
    void aCorrectNetworkPassesOnEveryLayersWeightsBiasAndInput() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec.Dense(5, Activation.TANH),
                new LayerSpec.Dropout(0.5), new LayerSpec.Dense(4, Activation.SIGMOID)), Loss.MSE,
                WeightInit.XAVIER_UNIFORM, 7, 0.01);
        List<LayerParameters> parameters = Network.create(spec, Precision.FLOAT64).exportParameters();
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, -1.2, 0.8}, {1.5, 0.1, -0.4}, {-0.7, 0.9, 0.2}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});

        GradientCheck.Result result = GradientCheck.check(spec, parameters, x, y, 200, 3);

        assertThat(result.passed()).as("%s", result).isTrue();
        assertThat(result.threshold()).isEqualTo(GradientCheck.THRESHOLD);
        assertThat(result.entries()).extracting(GradientCheck.Entry::layer, GradientCheck.Entry::parameter,
                GradientCheck.Entry::checked).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "input", 9),
                        org.assertj.core.groups.Tuple.tuple(0, "weights", 15),
                        org.assertj.core.groups.Tuple.tuple(0, "bias", 5),
                        org.assertj.core.groups.Tuple.tuple(2, "input", 15),
                        org.assertj.core.groups.Tuple.tuple(2, "weights", 20),
                        org.assertj.core.groups.Tuple.tuple(2, "bias", 4));
        assertThat(result.maxRelativeError()).isLessThan(1e-6);
    }

    @Test
    void batchNormAndResidualBlocksAreCheckedParameterByParameter() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec.Dense(4, Activation.TANH),
                new LayerSpec.BatchNorm(0.1, 1e-5),
                new LayerSpec.Residual(List.of(new LayerSpec.Dropout(0.5), new LayerSpec.Dense(2, Activation.SIGMOID)),
                        true),
                new LayerSpec.Dense(4, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.TORCH_DEFAULT, 7, 0);
        List<LayerParameters> parameters = Network.create(spec, Precision.FLOAT64).exportParameters();
        INDArray x = Nd4j.createFromArray(new double[][] {{0.3, -1.2, 0.8}, {1.5, 0.1, -0.4}, {-0.7, 0.9, 0.2}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}});

        GradientCheck.Result result = GradientCheck.check(spec, parameters, x, y, 200, 3);

        assertThat(result.passed()).as("%s", result).isTrue();
        assertThat(result.entries()).extracting(GradientCheck.Entry::layer, GradientCheck.Entry::parameter)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, "input"),
                        org.assertj.core.groups.Tuple.tuple(0, "weights"), org.assertj.core.groups.Tuple.tuple(0, "bias"),
                        org.assertj.core.groups.Tuple.tuple(1, "input"), org.assertj.core.groups.Tuple.tuple(1, "gamma"),
                        org.assertj.core.groups.Tuple.tuple(1, "beta"), org.assertj.core.groups.Tuple.tuple(2, "input"),
                        org.assertj.core.groups.Tuple.tuple(3, "weights"), org.assertj.core.groups.Tuple.tuple(3, "bias"),
                        org.assertj.core.groups.Tuple.tuple(4, "weights"), org.assertj.core.groups.Tuple.tuple(4, "bias"),
                        org.assertj.core.groups.Tuple.tuple(5, "input"), org.assertj.core.groups.Tuple.tuple(5, "weights"),
                        org.assertj.core.groups.Tuple.tuple(5, "bias"));
    }

    @Test
    void aSampleChecksAtMostThatManyValues() {
        NetworkSpec spec = new NetworkSpec(6, List.of(new LayerSpec.Dense(30, Activation.ELU),
                new LayerSpec.Dense(2, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 1, 0);
        List<LayerParameters> parameters = Network.create(spec, Precision.FLOAT64).exportParameters();
        INDArray x = Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 4, 6);
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {0, 1}, {1, 0}});

        GradientCheck.Result result = GradientCheck.check(spec, parameters, x, y, 10, 5);

        assertThat(result.passed()).isTrue();
        assertThat(result.entries()).allSatisfy(e -> assertThat(e.checked()).isLessThanOrEqualTo(10));
        assertThat(result.entries().get(1).checked()).isEqualTo(10);
    }

    @Test
    void aWrongGradientFails() {
        // f(v) = Σ v³: the true gradient is 3v², the wrong one 3v² + 0.01v
        double[] v = {0.5, -1.5, 2.0, 0.25};
        GradientCheck.Entry correct = GradientCheck.probe(0, "weights", cubic(v, 0), 10, new SplittableRandom(1));
        GradientCheck.Entry wrong = GradientCheck.probe(0, "weights", cubic(v, 0.01), 10, new SplittableRandom(1));

        assertThat(correct.maxRelativeError()).isLessThan(GradientCheck.THRESHOLD);
        assertThat(correct.checked()).isEqualTo(4);
        assertThat(wrong.maxRelativeError()).isGreaterThan(1e-3);
    }

    @Test
    void relativeErrorIsDl4jsWithAFloorForTinyDifferences() {
        assertThat(GradientCheck.relativeError(1.0, 1.1)).isCloseTo(0.1 / 2.1, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(GradientCheck.relativeError(1e-12, -1e-12)).isZero();
        assertThat(GradientCheck.relativeError(0, 0)).isZero();
        assertThat(GradientCheck.relativeError(1e-6, 0)).isEqualTo(1.0);
        assertThat(GradientCheck.relativeError(1.0, 1.0 + 1e-9)).isCloseTo(5e-10, org.assertj.core.data.Offset.offset(1e-12));
    }

    private static GradientCheck.Probe cubic(double[] v, double error) {
        return new GradientCheck.Probe() {
            @Override
            public int size() {
                return v.length;
            }

            @Override
            public double analytic(int index) {
                return 3 * v[index] * v[index] + error * v[index];
            }

            @Override
            public double lossWith(int index, double delta) {
                double sum = 0;
                for (int i = 0; i < v.length; i++) {
                    double value = i == index ? v[i] + delta : v[i];
                    sum += value * value * value;
                }
                return sum;
            }
        };
    }
}
