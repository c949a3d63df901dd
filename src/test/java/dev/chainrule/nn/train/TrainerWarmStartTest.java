package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * A run forked from another run's epoch checkpoint: with everything restored it continues bit for bit
 * as the other run did (epoch orders, dropout masks and the schedule drawn at the parent's epochs),
 * while counting its own epochs; with the weights alone it starts afresh from them.
 */
class TrainerWarmStartTest {

    private static final NetworkSpec SPEC = new NetworkSpec(4, List.of(new LayerSpec.Dense(16, Activation.RELU),
            new LayerSpec.Dropout(0.2), new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
            WeightInit.HE_UNIFORM, 42, 1e-4);
    private static final TrainingConfig PARENT = config(5);

    private static LabeledData train;
    private static LabeledData validation;

    @BeforeAll
    static void loadIris() {
        LabeledData[] iris = TrainerResumeTest.irisTrainAndValidation();
        train = iris[0];
        validation = iris[1];
    }

    @Test
    void aForkRestoringEverythingContinuesTheParentsRunBitForBit() {
        Run parent = Run.of(PARENT, null, null);

        Run fork = Run.of(config(3), null, new WarmStart(parent.checkpoints.get(1), true));

        assertThat(fork.parameters()).containsExactly(parent.parameters());
        assertThat(fork.history).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(fork.history.get(i)).isEqualTo((i + 1) + parent.history.get(i + 2).substring(1));
        }
    }

    @Test
    void aForkResumedFromItsOwnCheckpointStillCountsOnFromTheParentsEpochs() {
        Run parent = Run.of(PARENT, null, null);
        WarmStart warmStart = new WarmStart(parent.checkpoints.get(1), true);
        Run fork = Run.of(config(3), null, warmStart);

        Run resumed = Run.of(config(3), fork.checkpoints.get(0), warmStart);

        assertThat(resumed.parameters()).containsExactly(parent.parameters());
        assertThat(resumed.history).containsExactlyElementsOf(fork.history.subList(1, 3));
    }

    @Test
    void aForkOfTheWeightsAloneStartsTheOptimizerAndScheduleAfresh() {
        Run parent = Run.of(PARENT, null, null);

        Run fork = Run.of(config(3), null, new WarmStart(parent.checkpoints.get(1), false));

        assertThat(fork.parameters()).isNotEqualTo(parent.parameters());
        // the step schedule halves every 2 epochs: the fork's first epoch runs at the base rate again
        assertThat(fork.history.get(0)).endsWith(" 0.01");
        assertThat(parent.history.get(2)).endsWith(" 0.005");
    }

    @Test
    void aMidEpochCheckpointCannotStartAFork() {
        Run parent = Run.of(PARENT, null, null);
        TrainerCheckpoint midEpoch = new TrainerCheckpoint(1, 3, parent.checkpoints.get(0).payload());

        assertThatThrownBy(() -> new WarmStart(midEpoch, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 batches into an epoch");
    }

    private static TrainingConfig config(int epochs) {
        return new TrainingConfig(epochs, 16, new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0),
                new LearningRateSchedule.Step(2, 0.5), true, 7, new EarlyStopping(Metric.VAL_LOSS, 100, 0, false));
    }

    private record Run(Network network, List<String> history, List<TrainerCheckpoint> checkpoints) {

        static Run of(TrainingConfig config, TrainerCheckpoint resume, WarmStart warmStart) {
            Network network = Network.create(SPEC, Precision.FLOAT32);
            List<String> history = new ArrayList<>();
            List<TrainerCheckpoint> checkpoints = new ArrayList<>();
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics m, Supplier<TrainerCheckpoint> checkpoint) {
                    history.add(m.epoch() + " " + m.loss() + " " + m.valLoss() + " " + m.accuracy() + " "
                            + m.valAccuracy() + " " + m.learningRate());
                    checkpoints.add(checkpoint.get());
                }
            };
            new Trainer().train(network, train, validation, config, listener, resume, warmStart);
            return new Run(network, history, checkpoints);
        }

        double[] parameters() {
            return network.parameterVector().toDoubleVector();
        }
    }
}
