package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** What batch normalization refuses, and how the new initialisation draws. */
class BatchNormLayerTest {

    private static final NetworkSpec SPEC = new NetworkSpec(3, List.of(new LayerSpec.Dense(4, Activation.RELU),
            new LayerSpec.BatchNorm(0.1, 1e-5), new LayerSpec.Dense(2, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
            WeightInit.HE_NORMAL, 5, 0);

    @Test
    void aTrainingBatchOfOneRowIsRefusedNamingTheLayer() {
        Network network = Network.create(SPEC, Precision.FLOAT64);

        assertThatThrownBy(() -> network.computeGradients(Nd4j.createFromArray(new double[][] {{1, 2, 3}}),
                Nd4j.createFromArray(new double[][] {{1, 0}}), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2 (batch_norm)").hasMessageContaining("at least 2 rows");
        assertThat(network.predict(Nd4j.createFromArray(new double[][] {{1, 2, 3}})).rows())
                .as("inference of one row uses the running statistics").isEqualTo(1);
    }

    @Test
    void startsAsPyTorchDoesAndExportsItsFourVectors() {
        LayerParameters norm = Network.create(SPEC, Precision.FLOAT32).exportParameters().get(1);

        assertThat(norm.ofBatchNorm()).isTrue();
        assertThat(norm.gamma()).containsOnly(1.0).hasSize(4);
        assertThat(norm.beta()).containsOnly(0.0);
        assertThat(norm.runningMean()).containsOnly(0.0);
        assertThat(norm.runningVar()).containsOnly(1.0);
    }

    @Test
    void batchNormEntriesSurviveTheBinaryEncoding() {
        Network network = Network.create(SPEC, Precision.FLOAT32);
        network.computeGradients(Nd4j.rand(5, 3), Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}, {1, 0},
                {0, 1}, {1, 0}}).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT), 0);
        List<LayerParameters> exported = network.exportParameters();

        List<LayerParameters> decoded = ParameterCodec.decode(ParameterCodec.encode(exported));
        Network restored = Network.create(SPEC, Precision.FLOAT32, decoded);

        assertThat(decoded.get(1).runningVar()).containsExactly(exported.get(1).runningVar());
        assertThat(restored.stateVector()).isEqualTo(network.stateVector());
        assertThat(restored.parameterVector()).isEqualTo(network.parameterVector());
    }

    @Test
    void torchDefaultDrawsWeightsAndBiasesWithinOneOverTheRootOfTheFanIn() {
        for (WeightInit init : List.of(WeightInit.TORCH_DEFAULT, WeightInit.LECUN_UNIFORM)) {
            NetworkSpec spec = new NetworkSpec(64, List.of(new LayerSpec.Dense(100, Activation.RELU),
                    new LayerSpec.Dense(10, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, init, 3, 0);
            LayerParameters first = Network.create(spec, Precision.FLOAT64).exportParameters().get(0);
            double limit = 1 / Math.sqrt(64);
            double sumOfSquares = 0;
            for (double[] row : first.weights()) {
                for (double w : row) {
                    assertThat(Math.abs(w)).isLessThan(limit);
                    sumOfSquares += w * w;
                }
            }
            // U(±l) has variance l²/3
            assertThat(sumOfSquares / (64 * 100)).isBetween(0.9 * limit * limit / 3, 1.1 * limit * limit / 3);
            assertThat(java.util.Arrays.stream(first.bias()).map(Math::abs).max().orElseThrow())
                    .isLessThan(limit).isGreaterThan(limit / 2);
        }
    }

    @Test
    void aResidualBlockWhoseWidthChangesWithoutAProjectionIsRefused() {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec.Residual(List.of(
                new LayerSpec.Dense(4, Activation.RELU)), false), new LayerSpec.Dense(2, Activation.SOFTMAX)),
                Loss.CROSS_ENTROPY, WeightInit.HE_NORMAL, 5, 0);

        assertThatThrownBy(() -> Network.create(spec, Precision.FLOAT32)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (residual) maps 3 columns to 4 without a projection");
    }
}
