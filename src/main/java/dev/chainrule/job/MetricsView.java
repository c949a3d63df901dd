package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Loss and accuracy (classification) or RMSE (regression), on the training and validation rows, as
 * a client sees them in a job, a checkpoint or (inline) a history entry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsView(Double loss, Double valLoss, Double accuracy, Double valAccuracy, Double rmse, Double valRmse) {

    static MetricsView of(StoredMetrics m) {
        return m == null ? null : new MetricsView(m.loss(), m.valLoss(), m.accuracy(), m.valAccuracy(), m.rmse(), m.valRmse());
    }
}
