package dev.chainrule.nn.train;

import java.util.function.Supplier;

/**
 * Observes training and may stop it. All callbacks run on the training thread, between batches.
 */
public interface TrainingListener {

    default void onBatch(BatchProgress progress) {
    }

    /**
     * Called after every epoch with its metrics and the snapshot at the epoch boundary, so the caller
     * can persist both together. The snapshot is encoded only when asked for, during this call.
     */
    default void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
    }

    /** Checked before every batch; true ends training at that batch boundary with outcome STOPPED. */
    default boolean stopRequested() {
        return false;
    }
}
