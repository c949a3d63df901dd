package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One finished epoch in a job's history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryEntry(int epoch, Double loss, Double valLoss, Double accuracy, Double valAccuracy, Double rmse,
        Double valRmse, double learningRate, long durationMs) {

    static HistoryEntry of(EpochRecord r) {
        Metrics m = r.metrics();
        return new HistoryEntry(r.epoch(), m.loss(), m.valLoss(), m.accuracy(), m.valAccuracy(), m.rmse(), m.valRmse(),
                r.learningRate(), r.durationMs());
    }
}
