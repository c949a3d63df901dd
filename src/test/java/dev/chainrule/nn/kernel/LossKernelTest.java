package dev.chainrule.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Loss;

/**
 * Loss values and gradients of each kernel set against their definitions written out by hand,
 * including logits far out of range.
 */
class LossKernelTest {

    private static final double[][] Z = {{0.5, -2.0}, {3.0, 0.25}};
    private static final double[][] Y = {{1.0, 0.0}, {0.0, 1.0}};

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void regressionLossesAreMeansOverEveryElementWithTheirGradients(Kernels kernels) {
        // differences a − y: 0.5−1, −2−0, 3−0, 0.25−1 = −0.5, −2, 3, −0.75
        double[] d = {-0.5, -2, 3, -0.75};
        LossKernel losses = kernels.loss();
        INDArray a = Nd4j.createFromArray(Z);
        INDArray y = Nd4j.createFromArray(Y);
        INDArray da = a.ulike();

        assertThat(losses.regression(Loss.MSE, a, y, da)).isCloseTo((0.25 + 4 + 9 + 0.5625) / 4, within(1e-12));
        assertThat(HeapCopy.read(da)).containsExactly(2 * d[0] / 4, 2 * d[1] / 4, 2 * d[2] / 4, 2 * d[3] / 4);
        assertThat(losses.regression(Loss.MAE, a, y, da)).isCloseTo((0.5 + 2 + 3 + 0.75) / 4, within(1e-12));
        assertThat(HeapCopy.read(da)).containsExactly(-0.25, -0.25, 0.25, -0.25);
        assertThat(losses.regression(Loss.HUBER, a, y, da)).isCloseTo((0.125 + 1.5 + 2.5 + 0.28125) / 4,
                within(1e-12));
        assertThat(HeapCopy.read(da)).containsExactly(-0.5 / 4, -0.25, 0.25, -0.75 / 4);
        assertThat(losses.value(Loss.HUBER, null, a, y)).isCloseTo((0.125 + 1.5 + 2.5 + 0.28125) / 4, within(1e-12));
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void crossEntropyIsTheBatchMeanOfMinusLogSoftmaxWithGradientPMinusYOverRows(Kernels kernels) {
        double[][] p = new double[2][2];
        for (int r = 0; r < 2; r++) {
            double sum = Math.exp(Z[r][0]) + Math.exp(Z[r][1]);
            p[r][0] = Math.exp(Z[r][0]) / sum;
            p[r][1] = Math.exp(Z[r][1]) / sum;
        }
        double expected = (-Math.log(p[0][0]) - Math.log(p[1][1])) / 2;
        INDArray z = Nd4j.createFromArray(Z);
        INDArray a = z.ulike();
        INDArray dz = z.ulike();

        double loss = kernels.loss().softmaxCrossEntropy(z, Nd4j.createFromArray(Y), a, dz);

        assertThat(loss).isCloseTo(expected, within(1e-12));
        assertThat(kernels.loss().value(Loss.CROSS_ENTROPY, z, null, Nd4j.createFromArray(Y)))
                .isCloseTo(expected, within(1e-12));
        for (int r = 0; r < 2; r++) {
            for (int j = 0; j < 2; j++) {
                assertThat(a.getDouble(r, j)).isCloseTo(p[r][j], within(1e-12));
                assertThat(dz.getDouble(r, j)).isCloseTo((p[r][j] - Y[r][j]) / 2, within(1e-12));
            }
        }
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void binaryCrossEntropyIsTheMeanOverEveryElementWithGradientSigmaMinusYOverN(Kernels kernels) {
        double sum = 0;
        INDArray z = Nd4j.createFromArray(Z);
        INDArray a = z.ulike();
        INDArray dz = z.ulike();

        double loss = kernels.loss().sigmoidBinaryCrossEntropy(z, Nd4j.createFromArray(Y), a, dz);

        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double p = 1 / (1 + Math.exp(-Z[i][j]));
                sum += -(Y[i][j] * Math.log(p) + (1 - Y[i][j]) * Math.log(1 - p));
                assertThat(a.getDouble(i, j)).isCloseTo(p, within(1e-12));
                assertThat(dz.getDouble(i, j)).isCloseTo((p - Y[i][j]) / 4, within(1e-12));
            }
        }
        assertThat(loss).isCloseTo(sum / 4, within(1e-12));
    }

    @ParameterizedTest(name = "{0} kernels")
    @MethodSource("dev.chainrule.nn.KernelSets#both")
    void fusedLossesStayFiniteForExtremeLogits(Kernels kernels) {
        // every logit is 1000 on the wrong side: 2000 per row for softmax, 1000 per element for sigmoid
        INDArray wrong = Nd4j.createFromArray(new double[][] {{-1000, 1000}, {1000, -1000}});
        INDArray y = Nd4j.createFromArray(Y);
        LossKernel losses = kernels.loss();

        assertThat(losses.value(Loss.CROSS_ENTROPY, wrong, null, y)).isCloseTo(2000, within(1e-9));
        assertThat(losses.value(Loss.BINARY_CROSS_ENTROPY, wrong, null, y)).isCloseTo(1000, within(1e-9));
        assertThat(losses.softmaxCrossEntropy(wrong, y, wrong.ulike(), wrong.ulike())).isCloseTo(2000, within(1e-9));
        assertThat(losses.sigmoidBinaryCrossEntropy(wrong, y, wrong.ulike(), wrong.ulike()))
                .isCloseTo(1000, within(1e-9));
    }
}
