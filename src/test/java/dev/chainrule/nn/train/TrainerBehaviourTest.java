package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/** Batching, progress reports, schedules, early stopping, divergence and bad input. */
class TrainerBehaviourTest {

    private static final NetworkSpec REGRESSION = new NetworkSpec(3, List.of(new LayerSpec.Dense(8, Activation.TANH),
            new LayerSpec.Dense(1, Activation.IDENTITY)), Loss.MSE, WeightInit.XAVIER_NORMAL, 3, 0);

    private static LabeledData data;

    @BeforeAll
    static void syntheticRegression() {
        Nd4jThreads.pin(1);
        double[][] x = new double[50][3];
        double[][] y = new double[50][1];
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = random.nextGaussian();
            }
            y[i][0] = x[i][0] - 2 * x[i][1] + 0.5 * x[i][2] * x[i][0];
        }
        data = new LabeledData(Nd4j.createFromArray(x).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT), null);
    }

    @Test
    void keepsTheLastPartialBatchAndReportsEveryBatchAndEpoch() {
        List<BatchProgress> batches = new ArrayList<>();
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(BatchProgress progress) {
                batches.add(progress);
            }

            @Override
            public void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
                epochs.add(metrics);
            }
        };
        TrainingConfig config = new TrainingConfig(3, 16, sgd(0.05), new LearningRateSchedule.Step(2, 0.1), true, 1, null);

        TrainingOutcome outcome = new Trainer().train(Network.create(REGRESSION, Precision.FLOAT32), data, data,
                config, listener, null);

        assertThat(batches).hasSize(3 * 4);
        assertThat(batches.get(3)).extracting(BatchProgress::epoch, BatchProgress::batch, BatchProgress::batches,
                BatchProgress::step).containsExactly(1, 4, 4, 4L);
        assertThat(epochs).extracting(EpochMetrics::learningRate).containsExactly(0.05, 0.05, 0.05 * 0.1);
        double meanOfFirstEpoch = batches.subList(0, 4).stream().mapToDouble(BatchProgress::batchLoss).average().orElseThrow();
        assertThat(epochs.get(0).loss()).isCloseTo(meanOfFirstEpoch, within(1e-12));
        assertThat(epochs.get(0).rmse()).isNotNull();
        assertThat(epochs.get(0).accuracy()).isNull();
        assertThat(epochs.get(2).valRmse()).isLessThan(epochs.get(0).valRmse());
        assertThat(epochs.get(0).samplesPerSecond()).isPositive();
        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
        assertThat(outcome.epochsCompleted()).isEqualTo(3);
        assertThat(outcome.lastEpoch()).isEqualTo(epochs.get(2));
    }

    @Test
    void earlyStoppingRestoresTheBestParameters() {
        // a min delta no epoch can beat: epoch 1 stays best, training stops after 1 + patience epochs
        EarlyStopping stopping = new EarlyStopping(Metric.LOSS, 2, 1e9, true);
        Network network = Network.create(REGRESSION, Precision.FLOAT64);
        Network oneEpoch = Network.create(REGRESSION, Precision.FLOAT64);

        TrainingOutcome outcome = new Trainer().train(network, data, null,
                new TrainingConfig(10, 8, sgd(0.05), null, true, 2, stopping), null, null);
        new Trainer().train(oneEpoch, data, null, new TrainingConfig(1, 8, sgd(0.05), null, true, 2, null), null, null);

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.EARLY_STOPPED);
        assertThat(outcome.epochsCompleted()).isEqualTo(3);
        assertThat(outcome.bestEpoch()).isEqualTo(1);
        assertThat(network.parameterVector().toDoubleVector()).containsExactly(oneEpoch.parameterVector().toDoubleVector());
    }

    @Test
    void resumingFromTheEpochThatTriggeredEarlyStoppingStopsAgain() {
        EarlyStopping stopping = new EarlyStopping(Metric.LOSS, 2, 1e9, true);
        TrainingConfig config = new TrainingConfig(10, 8, sgd(0.05), null, true, 2, stopping);
        List<TrainerCheckpoint> checkpoints = new ArrayList<>();
        Network network = Network.create(REGRESSION, Precision.FLOAT32);
        new Trainer().train(network, data, null, config, new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
                checkpoints.add(checkpoint.get());
            }
        }, null);
        Network resumed = Network.create(REGRESSION, Precision.FLOAT32);

        TrainingOutcome outcome = new Trainer().train(resumed, data, null, config, null, checkpoints.get(2));

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.EARLY_STOPPED);
        assertThat(outcome.epochsCompleted()).isEqualTo(3);
        assertThat(resumed.parameterVector().toDoubleVector()).containsExactly(network.parameterVector().toDoubleVector());
    }

    @Test
    void anEpochCheckpointIsEncodedOnceWhenAskedAndRefusedAfterItsCallback() {
        List<Supplier<TrainerCheckpoint>> suppliers = new ArrayList<>();
        List<TrainerCheckpoint> asked = new ArrayList<>();
        TrainingOutcome outcome = new Trainer().train(Network.create(REGRESSION, Precision.FLOAT32), data, null,
                new TrainingConfig(3, 10, sgd(0.05), null, true, 1, null), new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
                        suppliers.add(checkpoint);
                        if (metrics.epoch() == 2) {
                            TrainerCheckpoint first = checkpoint.get();
                            assertThat(checkpoint.get()).isSameAs(first);
                            asked.add(first);
                        }
                    }
                }, null);

        assertThat(asked).singleElement().extracting(TrainerCheckpoint::epochsCompleted).isEqualTo(2);
        assertThat(outcome.checkpoint().epochsCompleted()).isEqualTo(3);
        assertThatThrownBy(() -> suppliers.get(0).get()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("onEpoch");
    }

    @Test
    void aNonFiniteLossStopsTrainingWithAReason() {
        LabeledData huge = new LabeledData(data.features(), data.targets().mul(1e30), null);

        TrainingOutcome outcome = new Trainer().train(Network.create(REGRESSION, Precision.FLOAT32), huge, null,
                new TrainingConfig(50, 10, sgd(10), null, false, 1, null), null, null);

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.DIVERGED);
        assertThat(outcome.reason()).containsPattern("(loss|parameters) became").contains("epoch 1")
                .contains("diverged");
        assertThat(outcome.epochsCompleted()).isZero();
        assertThat(outcome.checkpoint()).isNotNull();
    }

    @Test
    void aStopRequestBeforeTheFirstBatchChangesNothing() {
        Network network = Network.create(REGRESSION, Precision.FLOAT32);
        double[] before = network.parameterVector().toDoubleVector();

        TrainingOutcome outcome = new Trainer().train(network, data, null,
                new TrainingConfig(5, 10, sgd(0.1), null, true, 1, null), new TrainingListener() {
                    @Override
                    public boolean stopRequested() {
                        return true;
                    }
                }, null);

        assertThat(outcome.status()).isEqualTo(TrainingOutcome.Status.STOPPED);
        assertThat(outcome.epochsCompleted()).isZero();
        assertThat(network.parameterVector().toDoubleVector()).containsExactly(before);
    }

    @Test
    void shapeErrorsNameTheLayerAndBothShapes() {
        Network network = Network.create(REGRESSION, Precision.FLOAT32);

        assertThatThrownBy(() -> network.predict(Nd4j.zeros(4, 5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (dense 8 tanh)").hasMessageContaining("[n, 3]")
                .hasMessageContaining("[4, 5]");
        LabeledData wrongTargets = new LabeledData(data.features(), Nd4j.zeros(50, 2), null);
        assertThatThrownBy(() -> new Trainer().train(network, wrongTargets, null,
                new TrainingConfig(1, 10, sgd(0.1), null, true, 1, null), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2 (dense 1 identity)").hasMessageContaining("[10, 1]")
                .hasMessageContaining("[10, 2]");
    }

    @Test
    void badConfigurationsAreRejected() {
        Network network = Network.create(REGRESSION, Precision.FLOAT32);
        TrainingConfig noValidation = new TrainingConfig(1, 10, sgd(0.1), null, true, 1,
                new EarlyStopping(Metric.VAL_LOSS, 2, 0, false));
        TrainingConfig accuracyForRegression = new TrainingConfig(1, 10, sgd(0.1), null, true, 1,
                new EarlyStopping(Metric.ACCURACY, 2, 0, false));

        assertThatThrownBy(() -> new Trainer().train(network, data, null, noValidation, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("val_loss");
        assertThatThrownBy(() -> new Trainer().train(network, data, null, accuracyForRegression, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classification");
        assertThatThrownBy(() -> new Trainer().train(network, data, null,
                new TrainingConfig(1, 0, sgd(0.1), null, true, 1, null), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new Trainer().train(network, data, null,
                new TrainingConfig(1, 10, sgd(0.1), new LearningRateSchedule.Step(0, 0.5), true, 1, null), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schedule");
    }

    @Test
    void aCheckpointOfAnotherNetworkIsRejected() {
        TrainingOutcome outcome = new Trainer().train(Network.create(REGRESSION, Precision.FLOAT32), data, null,
                new TrainingConfig(1, 10, sgd(0.1), null, true, 1, null), null, null);
        Network wider = Network.create(new NetworkSpec(3, List.of(new LayerSpec.Dense(9, Activation.TANH),
                new LayerSpec.Dense(1, Activation.IDENTITY)), Loss.MSE, WeightInit.XAVIER_NORMAL, 3, 0), Precision.FLOAT32);

        assertThatThrownBy(() -> new Trainer().train(wider, data, null,
                new TrainingConfig(2, 10, sgd(0.1), null, true, 1, null), null, outcome.checkpoint()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checkpoint");
    }

    private static OptimizerSpec sgd(double learningRate) {
        return new OptimizerSpec.Sgd(learningRate, 0.5, false, 0);
    }
}
