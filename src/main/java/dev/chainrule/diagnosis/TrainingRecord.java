package dev.chainrule.diagnosis;

import java.util.List;

/**
 * What a diagnosis reads: the per-layer telemetry (any order), the history's losses, the activation
 * of each layer of the model (by position; null where unknown or not a dense layer), the learning
 * rate, and, for a job that failed because training diverged, the epoch in which it did.
 */
public record TrainingRecord(List<LayerTelemetryView> layers, List<EpochLosses> history, List<String> activations,
        double learningRate, Integer divergedInEpoch) {

    /** One history row's losses; {@code valLoss} null without validation data. */
    public record EpochLosses(int epoch, double loss, Double valLoss) {
    }

    String activation(int layer) {
        return activations == null || layer >= activations.size() ? null : activations.get(layer);
    }
}
