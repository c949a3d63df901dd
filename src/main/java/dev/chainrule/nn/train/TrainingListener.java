package dev.chainrule.nn.train;

/**
 * Observes training and may stop it. All callbacks run on the training thread, between batches.
 */
public interface TrainingListener {

    default void onBatch(BatchProgress progress) {
    }

    /**
     * Called after every epoch with its metrics and a snapshot taken at the epoch boundary, so the
     * caller can persist both together.
     */
    default void onEpoch(EpochMetrics metrics, TrainerCheckpoint checkpoint) {
    }

    /** Checked before every batch; true ends training at that batch boundary with outcome STOPPED. */
    default boolean stopRequested() {
        return false;
    }
}
