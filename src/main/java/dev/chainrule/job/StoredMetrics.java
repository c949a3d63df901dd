package dev.chainrule.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.chainrule.nn.train.EpochMetrics;

/**
 * The measurements of one epoch as stored beside a job, a history row or a checkpoint: the engine's
 * {@link EpochMetrics} without its timings, shown to clients as {@link MetricsView}.
 */
@Embeddable
record StoredMetrics(
        @Column(name = "loss") Double loss,
        @Column(name = "val_loss") Double valLoss,
        @Column(name = "accuracy") Double accuracy,
        @Column(name = "val_accuracy") Double valAccuracy,
        @Column(name = "rmse") Double rmse,
        @Column(name = "val_rmse") Double valRmse) {

    static StoredMetrics of(EpochMetrics m) {
        return new StoredMetrics(m.loss(), m.valLoss(), m.accuracy(), m.valAccuracy(), m.rmse(), m.valRmse());
    }
}
