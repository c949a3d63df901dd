package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
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
import dev.chainrule.nn.kernel.fast.FastKernels;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * The same request trains to bit-identical parameters on 1, 2 and 3 threads, and a run stopped on
 * one thread count and resumed on another ends where the uninterrupted run ends. The layers are wide
 * enough that their products are cut into several blocks and shared between threads
 * ({@code FastKernels.blocksOf} says how many).
 */
class ThreadCountInvarianceTest {

    private static final int INPUTS = 300;
    private static final NetworkSpec SPEC = new NetworkSpec(INPUTS, List.of(new LayerSpec.Dense(256, Activation.RELU),
            new LayerSpec.Dense(128, Activation.RELU), new LayerSpec.Dense(10, Activation.SOFTMAX)),
            Loss.CROSS_ENTROPY, WeightInit.HE_UNIFORM, 11, 1e-4);
    private static final TrainingConfig SGD = new TrainingConfig(3, 128, new OptimizerSpec.Sgd(0.05, 0.9, false, 0),
            new LearningRateSchedule.Constant(), true, 5, null);
    private static final TrainingConfig ADAM = new TrainingConfig(2, 100,
            new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 0), new LearningRateSchedule.Constant(), true, 6, null);

    private static LabeledData train;
    private static LabeledData validation;

    @BeforeAll
    static void data() {
        train = teacherData(1_500, 1);
        validation = teacherData(300, 2);
    }

    @AfterEach
    void oneThreadAgain() {
        Nd4jThreads.pin(1);
    }

    @Test
    void theProductsOfTheseLayersAreSharedBetweenThreads() {
        assertThat(FastKernels.blocksOf(128, 256, INPUTS)).as("forward, first layer").isGreaterThan(1);
        assertThat(FastKernels.blocksOf(INPUTS, 256, 128)).as("weight gradient, first layer").isGreaterThan(1);
        assertThat(FastKernels.blocksOf(128, INPUTS, 256)).as("input gradient, first layer").isGreaterThan(1);
    }

    @Test
    void oneTwoAndThreeThreadsGiveBitIdenticalParameters() {
        for (Precision precision : Precision.values()) {
            for (TrainingConfig config : List.of(SGD, ADAM)) {
                Run one = Run.of(1, precision, config, null, null);
                Run two = Run.of(2, precision, config, null, null);
                Run three = Run.of(3, precision, config, null, null);

                assertThat(two.parameters()).as("%s %s, 2 threads", precision, config.optimizer())
                        .containsExactly(one.parameters());
                assertThat(three.parameters()).as("%s %s, 3 threads", precision, config.optimizer())
                        .containsExactly(one.parameters());
                assertThat(two.history).containsExactlyElementsOf(one.history);
            }
        }
    }

    @Test
    void aRunResumedOnAnotherThreadCountEndsWhereTheUninterruptedRunEnds() {
        Run uninterrupted = Run.of(1, Precision.FLOAT32, SGD, null, null);
        int batchesPerEpoch = (int) Math.ceil(train.rows() / (double) SGD.batchSize());

        Run stopped = Run.of(2, Precision.FLOAT32, SGD, batchesPerEpoch + 3, null);
        Run resumed = Run.of(1, Precision.FLOAT32, SGD, null, stopped.outcome.checkpoint());
        Run fromEpoch = Run.of(2, Precision.FLOAT32, SGD, null, uninterrupted.epochCheckpoints.get(0));

        assertThat(stopped.outcome.status()).isEqualTo(TrainingOutcome.Status.STOPPED);
        assertThat(resumed.parameters()).containsExactly(uninterrupted.parameters());
        assertThat(fromEpoch.parameters()).containsExactly(uninterrupted.parameters());
    }

    /** Gaussian inputs, labels from a fixed random linear teacher. */
    private static LabeledData teacherData(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom teacherRandom = new SplittableRandom(99);
        double[][] teacher = new double[INPUTS][10];
        for (double[] row : teacher) {
            for (int j = 0; j < row.length; j++) {
                row[j] = teacherRandom.nextDouble(-1, 1);
            }
        }
        float[][] x = new float[rows][INPUTS];
        float[][] y = new float[rows][10];
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            double[] logits = new double[10];
            for (int i = 0; i < INPUTS; i++) {
                x[r][i] = (float) gaussian(random);
                for (int j = 0; j < 10; j++) {
                    logits[j] += x[r][i] * teacher[i][j];
                }
            }
            int best = 0;
            for (int j = 1; j < 10; j++) {
                best = logits[j] > logits[best] ? j : best;
            }
            classes[r] = best;
            y[r][best] = 1;
        }
        return new LabeledData(Nd4j.createFromArray(x).castTo(DataType.FLOAT),
                Nd4j.createFromArray(y).castTo(DataType.FLOAT), classes);
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private record Run(Network network, TrainingOutcome outcome, List<String> history,
            List<TrainerCheckpoint> epochCheckpoints) {

        static Run of(int threads, Precision precision, TrainingConfig config, Integer stopAfterBatches,
                TrainerCheckpoint resume) {
            Nd4jThreads.pin(threads);
            Network network = Network.create(SPEC, precision, FastKernels.INSTANCE);
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
                    history.add(m.epoch() + " " + m.loss() + " " + m.valLoss() + " " + m.accuracy() + " "
                            + m.valAccuracy());
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
            INDArray vector = network.parameterVector();
            return vector.toDoubleVector();
        }
    }
}
