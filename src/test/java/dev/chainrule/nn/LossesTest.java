package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Loss values against their definitions written out by hand, including logits far out of range. */
class LossesTest {

    private static final double[][] Z = {{0.5, -2.0}, {3.0, 0.25}};
    private static final double[][] Y = {{1.0, 0.0}, {0.0, 1.0}};

    @Test
    void regressionLossesAreMeansOverEveryElement() {
        // differences a − y: 0.5−1, −2−0, 3−0, 0.25−1 = −0.5, −2, 3, −0.75
        double mse = (0.25 + 4 + 9 + 0.5625) / 4;
        double mae = (0.5 + 2 + 3 + 0.75) / 4;
        double huber = (0.125 + 1.5 + 2.5 + 0.28125) / 4;

        assertThat(value(Loss.MSE, Activation.IDENTITY, Z)).isCloseTo(mse, within(1e-12));
        assertThat(value(Loss.MAE, Activation.IDENTITY, Z)).isCloseTo(mae, within(1e-12));
        assertThat(value(Loss.HUBER, Activation.IDENTITY, Z)).isCloseTo(huber, within(1e-12));
    }

    @Test
    void crossEntropyIsTheBatchMeanOfMinusLogSoftmax() {
        double row1 = -Math.log(Math.exp(0.5) / (Math.exp(0.5) + Math.exp(-2.0)));
        double row2 = -Math.log(Math.exp(0.25) / (Math.exp(3.0) + Math.exp(0.25)));

        assertThat(value(Loss.CROSS_ENTROPY, Activation.SOFTMAX, Z)).isCloseTo((row1 + row2) / 2, within(1e-12));
    }

    @Test
    void binaryCrossEntropyIsTheMeanOverEveryElement() {
        double sum = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double p = 1 / (1 + Math.exp(-Z[i][j]));
                sum += -(Y[i][j] * Math.log(p) + (1 - Y[i][j]) * Math.log(1 - p));
            }
        }
        assertThat(value(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, Z)).isCloseTo(sum / 4, within(1e-12));
    }

    @Test
    void fusedLossesStayFiniteForExtremeLogits() {
        // every logit is 1000 on the wrong side: 2000 per row for softmax, 1000 per element for sigmoid
        double[][] wrong = {{-1000, 1000}, {1000, -1000}};

        assertThat(value(Loss.CROSS_ENTROPY, Activation.SOFTMAX, wrong)).isCloseTo(2000, within(1e-9));
        assertThat(value(Loss.BINARY_CROSS_ENTROPY, Activation.SIGMOID, wrong)).isCloseTo(1000, within(1e-9));
    }

    private static double value(Loss loss, Activation output, double[][] z) {
        INDArray pre = Nd4j.createFromArray(z);
        INDArray a = pre.ulike();
        Activations.forward(output, pre, a);
        return Losses.value(loss, pre, a, Nd4j.createFromArray(Y));
    }
}
