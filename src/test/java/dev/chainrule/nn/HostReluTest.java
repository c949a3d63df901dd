package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The heap loops against the definition, in both precisions, zeros and NaN included. */
class HostReluTest {

    private static final double[] Z = {-2, -0.0, 0, 1e-40, 3, Double.NaN, -1e-30, 7.5};
    private static final double[] GRADIENT = {1, 2, 3, 4, -5, 6, 7, -8};

    @Test
    void forwardIsMaxWithZeroAndBackwardMasksWhereTheActivationIsNotPositive() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray z = Nd4j.createFromArray(Z).castTo(type).reshape(2, 4).dup('c');
            INDArray a = Nd4j.create(type, 2, 4);
            INDArray grad = Nd4j.createFromArray(GRADIENT).castTo(type).reshape(2, 4).dup('c');
            HostRelu relu = new HostRelu(z, a);

            relu.forward();
            assertThat(relu.backward(grad)).isTrue();

            double[] zs = HeapCopy.read(z);
            double[] as = HeapCopy.read(a);
            double[] gs = HeapCopy.read(grad);
            for (int i = 0; i < Z.length; i++) {
                double expectedA = Double.isNaN(zs[i]) ? Double.NaN : Math.max(zs[i], 0);
                assertThat(Double.valueOf(as[i])).as("%s a[%d]", type, i).isEqualTo(Double.valueOf(expectedA));
                boolean passes = as[i] > 0 || Double.isNaN(as[i]);
                assertThat(gs[i]).as("%s grad[%d]", type, i).isEqualTo(passes ? GRADIENT[i] : 0.0);
            }
        }
    }

    @Test
    void aGradientViewIsLeftToTheCaller() {
        INDArray z = Nd4j.createFromArray(Z).reshape(2, 4).dup('c');
        HostRelu relu = new HostRelu(z, z.ulike());
        relu.forward();
        INDArray wide = Nd4j.ones(DataType.DOUBLE, 2, 8);
        INDArray view = wide.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4));

        assertThat(relu.backward(view)).isFalse();
        assertThat(wide.toDoubleMatrix()[0]).containsOnly(1.0);
    }
}
