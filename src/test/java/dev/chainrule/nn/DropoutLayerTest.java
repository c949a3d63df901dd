package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DropoutLayerTest {

    @Test
    void trainingDropsTheRateAndScalesTheRest() {
        DropoutLayer dropout = new DropoutLayer(0, 100, 0.3, DataType.DOUBLE);

        double[] out = HeapCopy.read(dropout.forward(Nd4j.ones(DataType.DOUBLE, 100, 100), true, 5));

        long dropped = Arrays.stream(out).filter(v -> v == 0).count();
        assertThat(dropped / 10_000.0).isCloseTo(0.3, within(0.02));
        assertThat(Arrays.stream(out).filter(v -> v != 0)).allSatisfy(v -> assertThat(v).isEqualTo(1 / 0.7));
    }

    @Test
    void masksFollowTheSeed() {
        DropoutLayer dropout = new DropoutLayer(0, 50, 0.5, DataType.FLOAT);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 20, 50);

        double[] first = HeapCopy.read(dropout.forward(ones, true, 1));
        double[] again = HeapCopy.read(dropout.forward(ones, true, 1));
        double[] other = HeapCopy.read(dropout.forward(ones, true, 2));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void inferenceIgnoresDropout() {
        NetworkSpec withDropout = new NetworkSpec(5, List.of(new LayerSpec.Dense(8, Activation.TANH),
                new LayerSpec.Dropout(0.9), new LayerSpec.Dense(2, Activation.IDENTITY)), Loss.MSE,
                WeightInit.XAVIER_NORMAL, 3, 0);
        NetworkSpec without = new NetworkSpec(5, List.of(new LayerSpec.Dense(8, Activation.TANH),
                new LayerSpec.Dense(2, Activation.IDENTITY)), Loss.MSE, WeightInit.XAVIER_NORMAL, 3, 0);
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 5);

        INDArray expected = Network.create(without, Precision.FLOAT32).predict(x);
        INDArray actual = Network.create(withDropout, Precision.FLOAT32).predict(x);

        assertThat(HeapCopy.read(actual)).containsExactly(HeapCopy.read(expected));
    }
}
