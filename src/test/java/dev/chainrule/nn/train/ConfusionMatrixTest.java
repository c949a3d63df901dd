package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The imbalance metrics on a worked example (the numbers scikit-learn gives for it). */
class ConfusionMatrixTest {

    @Test
    void balancedAccuracyAndMacroF1FollowScikitLearn() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 0, 0, 1, 1, 2}, new int[] {0, 0, 0, 1, 1, 1, 2}, 3);

        assertThat(m.counts()).isDeepEqualTo(new int[][] {{3, 1, 0}, {0, 2, 0}, {0, 0, 1}});
        // recalls 3/4, 2/2, 1/1; F1s 6/7, 4/5, 1
        assertThat(m.balancedAccuracy()).isCloseTo((0.75 + 1 + 1) / 3, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((6.0 / 7 + 0.8 + 1) / 3, within(1e-12));
    }

    @Test
    void aClassNeitherPresentNorPredictedIsLeftOutAndOneNeverPredictedRightCountsZero() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 0}, 3);

        assertThat(m.recall(2)).isNaN();
        assertThat(m.balancedAccuracy()).isCloseTo(0.5, within(1e-12));
        // F1 of class 0: 2·2 / (2 + 4); of class 1: 0
        assertThat(m.macroF1()).isCloseTo((4.0 / 6 + 0) / 2, within(1e-12));
    }

    @Test
    void aSingleSigmoidOutputPredictsTheSecondClassFromOneHalf() {
        assertThat(ConfusionMatrix.predictedClasses(new double[][] {{0.49}, {0.5}, {0.9}})).containsExactly(0, 1, 1);
        assertThat(ConfusionMatrix.predictedClasses(new double[][] {{0.2, 0.5, 0.3}})).containsExactly(1);
    }
}
