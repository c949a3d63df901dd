package dev.chainrule.job;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import dev.chainrule.nn.train.EpochMetrics;

/** The measurements of one epoch as stored beside a job, a history row or a checkpoint. */
@Embeddable
record Metrics(
        @Column(name = "loss") Double loss,
        @Column(name = "val_loss") Double valLoss,
        @Column(name = "accuracy") Double accuracy,
        @Column(name = "val_accuracy") Double valAccuracy,
        @Column(name = "rmse") Double rmse,
        @Column(name = "val_rmse") Double valRmse) {

    static Metrics of(EpochMetrics m) {
        return new Metrics(m.loss(), m.valLoss(), m.accuracy(), m.valAccuracy(), m.rmse(), m.valRmse());
    }
}
