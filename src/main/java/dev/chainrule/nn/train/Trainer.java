package dev.chainrule.nn.train;

import dev.chainrule.nn.Network;

/** Runs mini-batch training; the engine fills in the computation. */
public class Trainer {

    public TrainingOutcome train(Network network, LabeledData train, LabeledData validation, TrainingConfig config,
            TrainingListener listener, TrainerCheckpoint resumeFrom) {
        throw new IllegalStateException("training arrives with the engine");
    }
}
