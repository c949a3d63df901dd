package dev.chainrule.nn.train;

/**
 * Where a forked run starts: a checkpoint of another run. {@code restoreAll} restores its optimizer
 * state, schedule position and early-stopping state as well as its parameters, so that a fork with
 * the same config continues exactly as the other run did; without it only the parameters are taken
 * and training starts afresh from them. The fork counts its own epochs either way.
 */
public record WarmStart(TrainerCheckpoint from, boolean restoreAll) {

    public WarmStart {
        if (from.batchesIntoEpoch() != 0) {
            throw new IllegalArgumentException("a warm start needs an epoch-boundary checkpoint, not one "
                    + from.batchesIntoEpoch() + " batches into an epoch");
        }
    }

    /**
     * How many epochs of the other run lie before the fork's first: epoch orders, dropout masks and
     * the learning-rate schedule are drawn at this offset plus the fork's own epoch.
     */
    public int epochOffset() {
        return restoreAll ? from.epochsCompleted() : 0;
    }
}
