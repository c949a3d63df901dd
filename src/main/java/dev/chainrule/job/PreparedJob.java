package dev.chainrule.job;

import java.time.Instant;

import dev.chainrule.nn.Network;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.TrainingOutcome;

/** Everything a claimed job needs to train: encoded rows, a fresh network, where to resume. */
record PreparedJob(JobOptions options, Network network, LabeledData train, LabeledData validation,
        TrainerCheckpoint resumeFrom, Instant deadline) {

    TrainingOutcome train(TrainingListener listener) {
        return new Trainer().train(network, train, validation, options.toTrainingConfig(), listener, resumeFrom);
    }
}
