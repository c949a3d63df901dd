package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricTest {

    private static final EpochMetrics CLASSIFICATION = new EpochMetrics(3, 0.5, 0.7, 0.8, 0.75, null, null, 0.01, 9, 100);
    private static final EpochMetrics REGRESSION = new EpochMetrics(4, 2.0, null, null, null, 1.5, null, 0.01, 9, 100);

    @Test
    void eachMetricHasItsJsonNameAndReadsItsOwnValue() {
        assertThat(Metric.fromJsonName("val_accuracy")).contains(Metric.VAL_ACCURACY);
        assertThat(Metric.VAL_RMSE.jsonName()).isEqualTo("val_rmse");
        assertThat(Metric.LOSS.valueIn(CLASSIFICATION)).isEqualTo(0.5);
        assertThat(Metric.VAL_LOSS.valueIn(CLASSIFICATION)).isEqualTo(0.7);
        assertThat(Metric.ACCURACY.valueIn(CLASSIFICATION)).isEqualTo(0.8);
        assertThat(Metric.VAL_ACCURACY.valueIn(CLASSIFICATION)).isEqualTo(0.75);
        assertThat(Metric.RMSE.valueIn(REGRESSION)).isEqualTo(1.5);
        assertThat(Metric.VAL_RMSE.valueIn(REGRESSION)).isNull();
    }

    @Test
    void aScoreIsLowerForTheBetterEpochInEitherDirection() {
        assertThat(Metric.VAL_LOSS.score(CLASSIFICATION)).isEqualTo(0.7);
        assertThat(Metric.VAL_ACCURACY.score(CLASSIFICATION)).isEqualTo(-0.75);
        assertThat(Metric.ACCURACY.score(REGRESSION)).isNull();
        assertThat(Metric.ACCURACY.improves(0.9, 0.8, 0.05)).isTrue();
        assertThat(Metric.ACCURACY.improves(0.84, 0.8, 0.05)).isFalse();
        assertThat(Metric.LOSS.improves(0.7, 0.8, 0.05)).isTrue();
        assertThat(Metric.LOSS.improves(0.9, 0.8, 0)).isFalse();
    }

    @Test
    void validationAndTaskRequirementsFollowTheName() {
        assertThat(Metric.values()).filteredOn(Metric::needsValidation)
                .allMatch(m -> m.jsonName().startsWith("val_")).hasSize(3);
        assertThat(Metric.VAL_LOSS.fitsTask(true)).isTrue();
        assertThat(Metric.VAL_LOSS.fitsTask(false)).isTrue();
        assertThat(Metric.ACCURACY.fitsTask(false)).isFalse();
        assertThat(Metric.RMSE.fitsTask(true)).isFalse();
        assertThat(Metric.VAL_RMSE.fitsTask(false)).isTrue();
    }
}
