package dev.chainrule.job;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.chainrule.diagnosis.LayerTelemetryView;

/**
 * One finished epoch as its followers get it: the history entry, inline, and the per-layer
 * telemetry stored with it in the same transaction ({@code layers}, empty when the job records none).
 */
public record FeedEpoch(@JsonUnwrapped HistoryEntry history, List<LayerTelemetryView> layers) {
}
