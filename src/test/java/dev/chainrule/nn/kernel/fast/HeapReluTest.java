package dev.chainrule.nn.kernel.fast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.HeapCopy;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/** The heap loops against the definition, in both precisions, zeros and NaN included. */
class HeapReluTest {

    private static final double[] Z = {-2, -0.0, 0, 1e-40, 3, Double.NaN, -1e-30, 7.5};
    private static final double[] GRADIENT = {1, 2, 3, 4, -5, 6, 7, -8};

    @Test
    void forwardIsMaxWithZeroAndBackwardMasksWhereTheActivationIsNotPositive() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray z = Nd4j.createFromArray(Z).castTo(type).reshape(2, 4).dup('c');
            INDArray a = Nd4j.create(type, 2, 4);
            INDArray da = Nd4j.createFromArray(GRADIENT).castTo(type).reshape(2, 4).dup('c');
            INDArray dz = Nd4j.create(type, 2, 4);
            ActivationKernel relu = relu();

            relu.forward(z, a);
            relu.backward(z, a, da, dz);

            double[] zs = HeapCopy.read(z);
            double[] as = HeapCopy.read(a);
            double[] gs = HeapCopy.read(dz);
            for (int i = 0; i < Z.length; i++) {
                double expectedA = Double.isNaN(zs[i]) ? Double.NaN : Math.max(zs[i], 0);
                assertThat(Double.valueOf(as[i])).as("%s a[%d]", type, i).isEqualTo(Double.valueOf(expectedA));
                boolean passes = as[i] > 0 || Double.isNaN(as[i]);
                assertThat(gs[i]).as("%s dz[%d]", type, i).isEqualTo(passes ? GRADIENT[i] : 0.0);
            }
            assertThat(HeapCopy.read(da)).as("da is read, never written").containsExactly(GRADIENT);
        }
    }

    @Test
    void aSmallerBatchAfterALargerOneUsesOnlyItsOwnValues() {
        ActivationKernel relu = relu();
        INDArray large = Nd4j.createFromArray(new double[][] {{1, -1, 2, -2}, {3, -3, 4, -4}});
        relu.forward(large, large.ulike());
        INDArray small = Nd4j.createFromArray(new double[][] {{-5, 5, -6, 6}});
        INDArray a = small.ulike();

        relu.forward(small, a);

        assertThat(HeapCopy.read(a)).containsExactly(0, 5, 0, 6);
    }

    @Test
    void aGradientViewGoesThroughNd4jWithTheSameResult() {
        INDArray z = Nd4j.createFromArray(Z).reshape(2, 4).dup('c');
        INDArray a = z.ulike();
        ActivationKernel relu = relu();
        relu.forward(z, a);
        INDArray wide = Nd4j.createFromArray(new double[][] {GRADIENT, GRADIENT});
        INDArray view = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4));
        INDArray dz = Nd4j.create(DataType.DOUBLE, 2, 4);

        relu.backward(z, a, view, dz);

        assertThat(dz.toDoubleMatrix()[0]).containsExactly(0, 0, 0, 4);
        assertThat(wide.toDoubleMatrix()[0]).containsExactly(GRADIENT);
    }

    private static ActivationKernel relu() {
        return new HeapRelu(ReferenceKernels.INSTANCE.activation(Activation.RELU));
    }
}
