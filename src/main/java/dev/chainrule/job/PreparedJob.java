package dev.chainrule.job;

import java.time.Instant;

import dev.chainrule.nn.Network;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingConfig;
import dev.chainrule.nn.train.WarmStart;

/**
 * Everything a claimed job needs to train: its options, encoded rows, a fresh network, where to
 * resume (null: from the start), when it must stop (null: no limit), and for a fork where it started
 * (null for any other job), and the loss's weight of each class (null: unweighted).
 */
record PreparedJob(JobOptions options, Network network, LabeledData train, LabeledData validation,
        TrainerCheckpoint resumeFrom, Instant deadline, WarmStart warmStart, double[] classWeights) {

    TrainingConfig trainingConfig() {
        return options.toTrainingConfig().withClassWeights(classWeights);
    }
}
