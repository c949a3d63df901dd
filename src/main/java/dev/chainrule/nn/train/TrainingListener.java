package dev.chainrule.nn.train;

import java.util.List;
import java.util.function.Supplier;

/**
 * Observes training and may stop it. All callbacks run on the training thread, between batches.
 */
public interface TrainingListener {

    default void onBatch(BatchProgress progress) {
    }

    /**
     * Called after every epoch with its metrics. {@code checkpoint} encodes a snapshot taken at the
     * epoch boundary when asked (and only then: encoding copies every parameter and optimizer
     * buffer), so the caller can persist both together. It is valid only during this call.
     */
    default void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
    }

    /**
     * Whether to gather {@link LayerTelemetry} (asked once, when training starts). It costs a few
     * BLAS level-1 passes over the parameters per batch, so it is off unless asked for.
     */
    default boolean wantsLayerTelemetry() {
        return false;
    }

    /**
     * Called after every epoch, in place of {@link #onEpoch(EpochMetrics, Supplier)} which it calls
     * by default; {@code layers} holds one entry per dense layer, or none unless
     * {@link #wantsLayerTelemetry()}.
     */
    default void onEpoch(EpochMetrics metrics, List<LayerTelemetry> layers, Supplier<TrainerCheckpoint> checkpoint) {
        onEpoch(metrics, checkpoint);
    }

    /** Checked before every batch; true ends training at that batch boundary with outcome STOPPED. */
    default boolean stopRequested() {
        return false;
    }
}
