package dev.chainrule.nn.train;

import dev.chainrule.nn.Network;

/**
 * Trains a {@link Network} by mini-batch gradient descent. Stateless: every call builds its own run,
 * so one trainer may serve several jobs (each network, though, trains on one thread at a time).
 *
 * <p>Runs are reproducible: initial weights, epoch orders and dropout masks all derive from seeds, so
 * the same seed and data give bit-identical parameters on any thread count
 * ({@link dev.chainrule.nn.Nd4jThreads#pin}), and resuming from a {@link TrainerCheckpoint} continues
 * exactly where it stopped.
 */
public final class Trainer {

    private static final TrainingListener SILENT = new TrainingListener() {
    };

    public Trainer() {
        // stateless; the public constructor is part of the engine's API
    }

    /**
     * @param validation evaluated after every epoch; may be null
     * @param listener may be null
     * @param resumeFrom a checkpoint of an earlier run of the same network, data and config; restores
     *        parameters, optimizer state and position into {@code network}; may be null
     * @throws IllegalArgumentException for a bad config, data whose shapes do not fit the network, or
     *         a checkpoint that does not belong to this network
     */
    public TrainingOutcome train(Network network, LabeledData train, LabeledData validation, TrainingConfig config,
            TrainingListener listener, TrainerCheckpoint resumeFrom) {
        return train(network, train, validation, config, listener, resumeFrom, null);
    }

    /**
     * Trains a run forked from another: from {@code warmStart} when {@code resumeFrom} is null, else
     * from the fork's own checkpoint, its epochs still counted on from the warm start's.
     *
     * @param warmStart may be null (then this is {@link #train(Network, LabeledData, LabeledData,
     *        TrainingConfig, TrainingListener, TrainerCheckpoint)})
     */
    public TrainingOutcome train(Network network, LabeledData train, LabeledData validation, TrainingConfig config,
            TrainingListener listener, TrainerCheckpoint resumeFrom, WarmStart warmStart) {
        TrainingConfigValidator.validate(config, train, validation);
        TrainingLoop run = new TrainingLoop(network, train, validation, config, listener == null ? SILENT : listener);
        if (warmStart != null) {
            run.continueAfter(warmStart);
        }
        if (resumeFrom != null) {
            run.restore(resumeFrom);
        } else if (warmStart != null) {
            run.warmStart(warmStart);
        }
        return run.run();
    }
}
