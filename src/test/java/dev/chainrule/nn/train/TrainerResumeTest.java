package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.TestCsv;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * Same seed, same data, same thread count: bit-identical parameters. And a run stopped at an epoch
 * boundary or in the middle of an epoch, resumed from its checkpoint in a fresh network and a fresh
 * trainer, ends exactly where the uninterrupted run ends, with the same per-epoch numbers.
 */
class TrainerResumeTest {

    private static final NetworkSpec SPEC = new NetworkSpec(4, List.of(new LayerSpec.Dense(16, Activation.RELU),
            new LayerSpec.Dropout(0.2), new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
            WeightInit.HE_UNIFORM, 42, 1e-4);
    private static final TrainingConfig ADAM = new TrainingConfig(4, 16,
            new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0), new LearningRateSchedule.Step(2, 0.5), true, 7,
            new EarlyStopping(Metric.VAL_LOSS, 100, 0, true));
    private static final TrainingConfig NESTEROV = new TrainingConfig(3, 32,
            new OptimizerSpec.Sgd(0.05, 0.9, true, 1e-3), new LearningRateSchedule.Cosine(3, 0.001), true, 8, null);

    /** Batch norm (running statistics in the checkpoint) inside and outside a residual block. */
    private static final NetworkSpec BATCH_NORM_SPEC = new NetworkSpec(4, List.of(
            new LayerSpec.Dense(12, Activation.RELU), new LayerSpec.BatchNorm(0.1, 1e-5),
            new LayerSpec.Residual(List.of(new LayerSpec.Dense(12, Activation.TANH), new LayerSpec.BatchNorm(0.2, 1e-5),
                    new LayerSpec.Dropout(0.1)), false),
            new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.TORCH_DEFAULT, 42, 1e-4);

    private static LabeledData train;
    private static LabeledData validation;

    @BeforeAll
    static void loadIris() {
        LabeledData[] iris = irisTrainAndValidation();
        train = iris[0];
        validation = iris[1];
    }

    /** Standardised iris, split 80/20 (seed 1), on one ND4J thread: training rows, then validation rows. */
    static LabeledData[] irisTrainAndValidation() {
        Nd4jThreads.pin(1);
        TestCsv iris = TestCsv.read("examples/datasets/iris.csv");
        LabeledData all = iris.oneHot(iris.standardizedFeatures(iris.featureStatistics()), 3);
        ValidationSplit.Split split = ValidationSplit.split(all.classIndices(), iris.rows(), 0.2, 1);
        return new LabeledData[] { subset(all, split.train()), subset(all, split.validation()) };
    }

    @Test
    void twoRunsWithTheSameSeedAreBitIdentical() {
        Run first = Run.of(Precision.FLOAT32, ADAM, null, null);
        Run second = Run.of(Precision.FLOAT32, ADAM, null, null);

        assertThat(first.parameters()).containsExactly(second.parameters());
        assertThat(first.history).containsExactlyElementsOf(second.history);
        assertThat(first.outcome.status()).isEqualTo(TrainingOutcome.Status.COMPLETED);
    }

    @Test
    void anotherSeedGivesOtherParameters() {
        TrainingConfig otherSeed = new TrainingConfig(ADAM.epochs(), ADAM.batchSize(), ADAM.optimizer(),
                ADAM.schedule(), true, 8, ADAM.earlyStopping());

        assertThat(Run.of(Precision.FLOAT32, otherSeed, null, null).parameters())
                .isNotEqualTo(Run.of(Precision.FLOAT32, ADAM, null, null).parameters());
    }

    @Test
    void resumingFromAnEpochCheckpointMatchesAnUninterruptedRun() {
        Run uninterrupted = Run.of(Precision.FLOAT32, ADAM, null, null);
        TrainerCheckpoint afterTwo = uninterrupted.epochCheckpoints.get(1);

        Run resumed = Run.of(Precision.FLOAT32, ADAM, null, afterTwo);

        assertThat(afterTwo.epochsCompleted()).isEqualTo(2);
        assertThat(resumed.parameters()).containsExactly(uninterrupted.parameters());
        assertThat(resumed.history).containsExactlyElementsOf(uninterrupted.history.subList(2, 4));
        assertThat(resumed.outcome.bestEpoch()).isEqualTo(uninterrupted.outcome.bestEpoch());
    }

    @Test
    void resumingFromAStopInTheMiddleOfAnEpochMatchesAnUninterruptedRun() {
        for (var setup : List.of(new Object[] {Precision.FLOAT32, ADAM}, new Object[] {Precision.FLOAT64, NESTEROV})) {
            Precision precision = (Precision) setup[0];
            TrainingConfig config = (TrainingConfig) setup[1];
            Run uninterrupted = Run.of(precision, config, null, null);
            int batchesPerEpoch = (int) Math.ceil(train.rows() / (double) config.batchSize());

            Run stopped = Run.of(precision, config, batchesPerEpoch + 2, null);
            Run resumed = Run.of(precision, config, null, stopped.outcome.checkpoint());

            assertThat(stopped.outcome.status()).isEqualTo(TrainingOutcome.Status.STOPPED);
            assertThat(stopped.outcome.checkpoint().epochsCompleted()).isEqualTo(1);
            assertThat(stopped.outcome.checkpoint().batchesIntoEpoch()).isEqualTo(2);
            assertThat(resumed.parameters()).as("%s", precision).containsExactly(uninterrupted.parameters());
            List<String> joined = new ArrayList<>(stopped.history);
            joined.addAll(resumed.history);
            assertThat(joined).containsExactlyElementsOf(uninterrupted.history);
        }
    }

    @Test
    void batchNormAndClippingResumeBitIdenticallyFromTheMiddleOfAnEpoch() {
        TrainingConfig config = new TrainingConfig(4, 16, new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0), null,
                true, 9, new EarlyStopping(Metric.VAL_LOSS, 100, 0, true), new GradientClipping(0.5, 0.05));
        Run uninterrupted = Run.of(BATCH_NORM_SPEC, Precision.FLOAT32, config, null, null);
        int batchesPerEpoch = (int) Math.ceil(train.rows() / (double) config.batchSize());

        Run stopped = Run.of(BATCH_NORM_SPEC, Precision.FLOAT32, config, 2 * batchesPerEpoch + 3, null);
        Run resumed = Run.of(BATCH_NORM_SPEC, Precision.FLOAT32, config, null, stopped.outcome.checkpoint());

        assertThat(stopped.outcome.status()).isEqualTo(TrainingOutcome.Status.STOPPED);
        assertThat(resumed.parameters()).containsExactly(uninterrupted.parameters());
        assertThat(resumed.network.stateVector().toDoubleVector())
                .containsExactly(uninterrupted.network.stateVector().toDoubleVector());
        assertThat(uninterrupted.network.stateVector().toDoubleVector()).as("the running statistics moved")
                .isNotEqualTo(Network.create(BATCH_NORM_SPEC, Precision.FLOAT32).stateVector().toDoubleVector());
        List<String> joined = new ArrayList<>(stopped.history);
        joined.addAll(resumed.history);
        assertThat(joined).containsExactlyElementsOf(uninterrupted.history);
    }

    /** One training run and what its listener saw; {@code stopAfterBatches} ends it early. */
    private record Run(Network network, TrainingOutcome outcome, List<String> history,
            List<TrainerCheckpoint> epochCheckpoints) {

        static Run of(Precision precision, TrainingConfig config, Integer stopAfterBatches, TrainerCheckpoint resume) {
            return of(SPEC, precision, config, stopAfterBatches, resume);
        }

        static Run of(NetworkSpec spec, Precision precision, TrainingConfig config, Integer stopAfterBatches,
                TrainerCheckpoint resume) {
            Network network = Network.create(spec, precision);
            List<String> history = new ArrayList<>();
            List<TrainerCheckpoint> checkpoints = new ArrayList<>();
            int[] batches = {0};
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onBatch(BatchProgress progress) {
                    batches[0]++;
                }

                @Override
                public void onEpoch(EpochMetrics m, Supplier<TrainerCheckpoint> checkpoint) {
                    // everything but wall-clock numbers
                    history.add(m.epoch() + " " + m.loss() + " " + m.valLoss() + " " + m.accuracy() + " "
                            + m.valAccuracy() + " " + m.learningRate());
                    checkpoints.add(checkpoint.get());
                }

                @Override
                public boolean stopRequested() {
                    return stopAfterBatches != null && batches[0] >= stopAfterBatches;
                }
            };
            TrainingOutcome outcome = new Trainer().train(network, train, validation, config, listener, resume);
            return new Run(network, outcome, history, checkpoints);
        }

        double[] parameters() {
            return network.parameterVector().toDoubleVector();
        }
    }

    static LabeledData subset(LabeledData data, int[] rows) {
        INDArray features = org.nd4j.linalg.factory.Nd4j.pullRows(data.features(), 1, rows);
        INDArray targets = org.nd4j.linalg.factory.Nd4j.pullRows(data.targets(), 1, rows);
        int[] classes = data.classIndices() == null ? null
                : java.util.Arrays.stream(rows).map(i -> data.classIndices()[i]).toArray();
        return new LabeledData(features, targets, classes);
    }
}
