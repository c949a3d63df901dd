package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkTest {

    private static final NetworkSpec SPEC = new NetworkSpec(6, List.of(new LayerSpec.Dense(12, Activation.GELU),
            new LayerSpec.Dropout(0.5), new LayerSpec.Dense(4, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
            WeightInit.XAVIER_UNIFORM, 8, 0);

    @Test
    void predictionTurnsDropoutOffAndGivesProbabilities() {
        Network network = Network.create(SPEC, Precision.FLOAT32);
        INDArray x = Nd4j.rand(DataType.FLOAT, 9, 6);

        INDArray first = network.predict(x);
        INDArray second = network.predict(x);

        assertThat(first.shape()).containsExactly(9, 4);
        assertThat(first.data().asFloat()).containsExactly(second.data().asFloat());
        for (double rowSum : first.sum(1).toDoubleVector()) {
            assertThat(rowSum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void predictionsFromSeveralThreadsAgreeWithOneThread() throws Exception {
        Network network = Network.create(SPEC, Precision.FLOAT32);
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 6);
        float[] expected = network.predict(x).data().asFloat();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> network.predict(x).data().asFloat()));
            }
            for (Future<float[]> result : results) {
                assertThat(result.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void precisionSetsTheDataTypeAndInputIsConverted() {
        Network network = Network.create(SPEC, Precision.FLOAT64);

        INDArray out = network.predict(Nd4j.rand(DataType.FLOAT, 2, 6));

        assertThat(out.dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(network.parameterVector().dataType()).isEqualTo(DataType.DOUBLE);
        assertThat(network.inputs()).isEqualTo(6);
        assertThat(network.outputs()).isEqualTo(4);
    }

    @Test
    void noRowsGiveNoPredictions() {
        INDArray out = Network.create(SPEC, Precision.FLOAT32).predict(Nd4j.create(DataType.FLOAT, 0, 6));

        assertThat(out.shape()).containsExactly(0, 4);
    }

    @Test
    void theSameSeedDrawsTheSameWeightsAndAnotherSeedOthers() {
        NetworkSpec otherSeed = new NetworkSpec(6, SPEC.layers(), SPEC.loss(), SPEC.weightInit(), 9, 0);

        double[] a = Network.create(SPEC, Precision.FLOAT32).parameterVector().toDoubleVector();
        double[] b = Network.create(SPEC, Precision.FLOAT32).parameterVector().toDoubleVector();
        double[] c = Network.create(otherSeed, Precision.FLOAT32).parameterVector().toDoubleVector();

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void heUniformWeightsStayWithinTheirLimit() {
        NetworkSpec spec = new NetworkSpec(50, List.of(new LayerSpec.Dense(40, Activation.RELU),
                new LayerSpec.Dense(1, Activation.IDENTITY)), Loss.MSE, WeightInit.HE_UNIFORM, 1, 0);
        double limit = Math.sqrt(6.0 / 50);

        double[][] w = Network.create(spec, Precision.FLOAT64).exportParameters().get(0).weights();

        double max = 0;
        double sumSquares = 0;
        for (double[] row : w) {
            for (double v : row) {
                max = Math.max(max, Math.abs(v));
                sumSquares += v * v;
            }
        }
        assertThat(max).isLessThanOrEqualTo(limit).isGreaterThan(0.9 * limit);
        assertThat(sumSquares / 2000).isCloseTo(2.0 / 50, org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void specsTheEngineCannotBuildAreRejected() {
        NetworkSpec softmaxWithMse = new NetworkSpec(3, List.of(new LayerSpec.Dense(2, Activation.SOFTMAX)), Loss.MSE,
                WeightInit.HE_NORMAL, 1, 0);
        NetworkSpec dropoutLast = new NetworkSpec(3, List.of(new LayerSpec.Dense(2, Activation.SIGMOID),
                new LayerSpec.Dropout(0.5)), Loss.MSE, WeightInit.HE_NORMAL, 1, 0);

        assertThatThrownBy(() -> Network.create(softmaxWithMse, Precision.FLOAT32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mse").hasMessageContaining("softmax");
        assertThatThrownBy(() -> Network.create(dropoutLast, Precision.FLOAT32))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("last layer must be dense");
    }
}
