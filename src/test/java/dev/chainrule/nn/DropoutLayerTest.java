package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.HeapCopy;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.fast.FastKernels;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

class DropoutLayerTest {

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void trainingDropsTheRateScalesTheRestAndMasksTheGradientAlike(Kernels kernels) {
        DropoutLayer dropout = new DropoutLayer(0, 100, 0.3, kernels, DataType.DOUBLE);
        INDArray ones = Nd4j.ones(DataType.DOUBLE, 100, 100);
        INDArray gradient = Nd4j.ones(DataType.DOUBLE, 100, 100).muli(2);

        double[] out = HeapCopy.read(dropout.forward(ones, 5));
        double[] back = HeapCopy.read(dropout.backward(gradient, true));

        long dropped = Arrays.stream(out).filter(v -> v == 0).count();
        assertThat(dropped / 10_000.0).isCloseTo(0.3, within(0.02));
        assertThat(Arrays.stream(out).filter(v -> v != 0)).allSatisfy(v -> assertThat(v).isEqualTo(1 / 0.7));
        for (int i = 0; i < out.length; i++) {
            assertThat(back[i]).isEqualTo(2 * out[i]);
        }
        assertThat(HeapCopy.read(ones)).containsOnly(1.0);
        assertThat(HeapCopy.read(gradient)).containsOnly(2.0);
    }

    @Test
    void masksFollowTheSeedAndAgreeBetweenKernelSets() {
        DropoutLayer dropout = new DropoutLayer(0, 50, 0.5, FastKernels.INSTANCE, DataType.FLOAT);
        DropoutLayer reference = new DropoutLayer(0, 50, 0.5, ReferenceKernels.INSTANCE, DataType.FLOAT);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 20, 50);

        double[] first = HeapCopy.read(dropout.forward(ones, 1));
        double[] again = HeapCopy.read(dropout.forward(ones, 1));
        double[] other = HeapCopy.read(dropout.forward(ones, 2));

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(HeapCopy.read(reference.forward(ones, 1))).containsExactly(first);
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
