package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One finished epoch in a job's history: its metrics inline, beside the rate and duration. */
public record HistoryEntry(int epoch, @JsonUnwrapped MetricsView metrics, double learningRate, long durationMs) {

    static HistoryEntry of(EpochRecord r) {
        return new HistoryEntry(r.epoch(), MetricsView.of(r.metrics()), r.learningRate(), r.durationMs());
    }
}
