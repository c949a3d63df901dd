package dev.chainrule.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Nd4jThreads;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.LayerTelemetry;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingConfig;
import dev.chainrule.nn.train.TrainingListener;
import dev.chainrule.nn.train.TrainingOutcome;

/**
 * Every kind of finding, each shown by a network trained by the engine and built to show it, and a
 * healthy network that shows none. The diagnosis reads the telemetry the trainer recorded, exactly
 * as a job stores it.
 */
class DiagnoserTest {

    private static final SplittableRandom SEEDS = new SplittableRandom(5);
    private static LabeledData blobs;
    private static LabeledData blobsValidation;

    @BeforeAll
    static void data() {
        Nd4jThreads.pin(1);
        blobs = blobs(300, 1);
        blobsValidation = blobs(90, 2);
    }

    @Test
    void aHealthyNetworkHasNoFindings() {
        Run run = train(new NetworkSpec(4, List.of(new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.HE_NORMAL, 3, 0), null,
                blobs, blobsValidation, 20, 32, new OptimizerSpec.Adam(1e-3, 0.9, 0.999, 1e-8, 0));
        assertThat(run.outcome).isEqualTo(TrainingOutcome.Status.COMPLETED);
        assertThat(run.diagnose().findings()).isEmpty();
    }

    @Test
    void tenSigmoidLayersVanish() {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            layers.add(new LayerSpec.Dense(16, Activation.SIGMOID));
        }
        layers.add(new LayerSpec.Dense(3, Activation.SOFTMAX));
        Run run = train(new NetworkSpec(4, layers, Loss.CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 3, 0), null, blobs,
                null, 3, 32, new OptimizerSpec.Sgd(0.1, 0, false, 0));
        Finding f = run.only("vanishing_gradients");
        assertThat(f.layers()).containsExactly(0);
        assertThat(f.evidence().get("errorNormRatio")).isLessThan(Diagnoser.VANISHING_RATIO);
        assertThat(f.advice()).contains("relu").contains("he_normal");
        assertThat(f.fromEpoch()).isEqualTo(1);
        assertThat(f.toEpoch()).isEqualTo(3);
    }

    @Test
    void eightLinearLayersWithLargeWeightsExplode() {
        int width = 16;
        List<LayerSpec> layers = new ArrayList<>();
        List<LayerParameters> initial = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 8; i++) {
            layers.add(new LayerSpec.Dense(width, Activation.IDENTITY));
            // a gain of 3 per layer: the error signal grows about 3x with every layer it goes back
            initial.add(gaussian(i == 0 ? 4 : width, width, 3.0 / Math.sqrt(width), random));
        }
        layers.add(new LayerSpec.Dense(3, Activation.SOFTMAX));
        initial.add(gaussian(width, 3, 1.0 / Math.sqrt(width), random));
        Run run = train(new NetworkSpec(4, layers, Loss.CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 3, 0), initial, blobs,
                null, 2, 32, new OptimizerSpec.Sgd(1e-9, 0, false, 0));
        Finding f = run.only("exploding_gradients");
        assertThat(f.severity()).isEqualTo("critical");
        assertThat(f.evidence().get("errorNormRatio")).isGreaterThan(Diagnoser.EXPLODING_RATIO);
        assertThat(f.advice()).contains("learning rate");
    }

    @Test
    void reluUnitsPushedNegativeByTheirBiasAreDead() {
        SplittableRandom random = new SplittableRandom(4);
        LayerParameters hidden = gaussian(4, 8, 0.1, random);
        double[] bias = {-10, -10, -10, -10, -10, -10, 0.1, 0.1};
        Run run = train(new NetworkSpec(4, List.of(new LayerSpec.Dense(8, Activation.RELU),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.HE_NORMAL, 3, 0),
                List.of(new LayerParameters(hidden.weights(), bias), gaussian(8, 3, 0.3, random)), blobs, null, 3, 32,
                new OptimizerSpec.Sgd(0.01, 0, false, 0));
        Finding f = run.only("dead_relu");
        assertThat(f.layers()).containsExactly(0);
        assertThat(f.evidence().get("deadFraction")).isEqualTo(0.75);
        assertThat(f.advice()).contains("leaky_relu");
    }

    @Test
    void sigmoidUnitsWithHugeWeightsSaturate() {
        SplittableRandom random = new SplittableRandom(4);
        Run run = train(new NetworkSpec(4, List.of(new LayerSpec.Dense(8, Activation.SIGMOID),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.HE_NORMAL, 3, 0),
                List.of(gaussian(4, 8, 20, random), gaussian(8, 3, 0.3, random)), blobs, null, 3, 32,
                new OptimizerSpec.Sgd(0.01, 0, false, 0));
        Finding f = run.only("saturation");
        assertThat(f.layers()).containsExactly(0);
        assertThat(f.evidence().get("saturatedFraction")).isGreaterThanOrEqualTo(Diagnoser.SATURATED_FRACTION);
        assertThat(f.advice()).contains("xavier_normal");
    }

    @Test
    void adamWithALearningRateOfHalfTakesStepsTooLarge() {
        Run run = train(small(), null, blobs, null, 3, 32, new OptimizerSpec.Adam(0.5, 0.9, 0.999, 1e-8, 0));
        Finding f = run.only("learning_rate_too_high");
        assertThat(f.evidence().get("updateRatio")).isGreaterThan(Diagnoser.UPDATE_HIGH);
        assertThat(f.evidence().get("suggestedLearningRate")).isLessThan(0.5);
        assertThat(f.advice()).contains("learningRate to about");
    }

    @Test
    void sgdWithALearningRateOfOneInAMillionBarelyMoves() {
        Run run = train(small(), null, blobs, null, 3, 32, new OptimizerSpec.Sgd(1e-6, 0, false, 0));
        Finding f = run.only("learning_rate_too_low");
        assertThat(f.evidence().get("maxUpdateRatio")).isLessThan(Diagnoser.UPDATE_LOW);
        assertThat(f.evidence().get("suggestedLearningRate")).isGreaterThan(1e-6);
    }

    @Test
    void aLargeNetworkOnTwelveNoisyRowsOverfits() {
        LabeledData train = noisySine(12, 1);
        LabeledData validation = noisySine(60, 2);
        Run run = train(new NetworkSpec(1, List.of(new LayerSpec.Dense(64, Activation.TANH),
                new LayerSpec.Dense(64, Activation.TANH), new LayerSpec.Dense(1, Activation.IDENTITY)), Loss.MSE,
                WeightInit.XAVIER_NORMAL, 3, 0), null, train, validation, 400, 12,
                new OptimizerSpec.Adam(0.01, 0.9, 0.999, 1e-8, 0));
        Finding f = run.only("overfitting");
        assertThat(f.evidence().get("lastValLoss")).isGreaterThan(f.evidence().get("bestValLoss") * 1.1);
        assertThat(f.evidence().get("lastLoss")).isLessThan(f.evidence().get("lossAtBestEpoch"));
        assertThat(f.fromEpoch()).isEqualTo(f.evidence().get("bestEpoch").intValue() + 1);
        assertThat(f.advice()).contains("earlyStopping");
    }

    @Test
    void aLearningRateOfTenThousandDivergesToNaN() {
        NetworkSpec regression = new NetworkSpec(1, List.of(new LayerSpec.Dense(16, Activation.RELU),
                new LayerSpec.Dense(1, Activation.IDENTITY)), Loss.MSE, WeightInit.HE_NORMAL, 3, 0);
        Run run = train(regression, null, noisySine(64, 3), null, 5, 16, new OptimizerSpec.Sgd(1e4, 0, false, 0));
        assertThat(run.outcome).isEqualTo(TrainingOutcome.Status.DIVERGED);
        Finding f = Diagnoser.diagnose(run.record(run.epochs.size() + 1)).findings().stream()
                .filter(x -> x.kind().equals("diverged")).findFirst().orElseThrow();
        assertThat(f.severity()).isEqualTo("critical");
        assertThat(f.fromEpoch()).isEqualTo(run.epochs.size() + 1);
        assertThat(f.advice()).contains("about 1.0e+03");
    }

    /** A loss that blows up without reaching NaN: the history alone shows it. */
    @Test
    void aTrainingLossTenTimesItsLowestIsDivergence() {
        List<TrainingRecord.EpochLosses> history = List.of(new TrainingRecord.EpochLosses(1, 1.0, null),
                new TrainingRecord.EpochLosses(2, 0.5, null), new TrainingRecord.EpochLosses(3, 4.0, null),
                new TrainingRecord.EpochLosses(4, 6.0, null));
        Finding f = Diagnoser.diagnose(new TrainingRecord(List.of(), history, List.of(), 0.1, null)).findings().get(0);
        assertThat(f.kind()).isEqualTo("diverged");
        assertThat(f.fromEpoch()).isEqualTo(3);
        assertThat(f.toEpoch()).isEqualTo(4);
        assertThat(f.evidence()).containsEntry("lowestLoss", 0.5).containsEntry("lastLoss", 6.0);
        List<TrainingRecord.EpochLosses> recovering = List.of(history.get(0), history.get(1),
                new TrainingRecord.EpochLosses(3, 4.9, null));
        assertThat(Diagnoser.diagnose(new TrainingRecord(List.of(), recovering, List.of(), 0.1, null)).findings())
                .isEmpty();
    }

    @Test
    void noEpochMeansNoFindings() {
        assertThat(Diagnoser.diagnose(new TrainingRecord(List.of(), List.of(), List.of(), 0.1, null)).findings())
                .isEmpty();
    }

    private static NetworkSpec small() {
        return new NetworkSpec(4, List.of(new LayerSpec.Dense(16, Activation.TANH),
                new LayerSpec.Dense(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, WeightInit.XAVIER_NORMAL, 3, 0);
    }

    private static Run train(NetworkSpec spec, List<LayerParameters> initial, LabeledData train,
            LabeledData validation, int epochs, int batch, OptimizerSpec optimizer) {
        Network network = initial == null ? Network.create(spec, Precision.FLOAT32)
                : Network.create(spec, Precision.FLOAT32, initial);
        Run run = new Run(spec);
        run.outcome = new Trainer().train(network, train, validation,
                new TrainingConfig(epochs, batch, optimizer, null, true, 7, null), run, null).status();
        run.learningRate = optimizer.learningRate();
        return run;
    }

    /** What a job stores: the telemetry and the history's losses. */
    private static final class Run implements TrainingListener {
        final NetworkSpec spec;
        final List<LayerTelemetryView> layers = new ArrayList<>();
        final List<TrainingRecord.EpochLosses> epochs = new ArrayList<>();
        TrainingOutcome.Status outcome;
        double learningRate;

        Run(NetworkSpec spec) {
            this.spec = spec;
        }

        @Override
        public boolean wantsLayerTelemetry() {
            return true;
        }

        @Override
        public void onEpoch(EpochMetrics m, List<LayerTelemetry> telemetry, Supplier<TrainerCheckpoint> checkpoint) {
            epochs.add(new TrainingRecord.EpochLosses(m.epoch(), m.loss(), m.valLoss()));
            for (LayerTelemetry t : telemetry) {
                layers.add(new LayerTelemetryView(m.epoch(), t.layer(), t.kind(), t.weightNorm(), t.gradientNorm(),
                        t.biasGradientNorm(), t.updateRatio(), t.errorNorm(), t.activationMean(), t.activationStd(),
                        t.deadFraction(), t.saturatedFraction()));
            }
        }

        TrainingRecord record(Integer divergedIn) {
            List<String> activations = spec.layers().stream()
                    .map(l -> ((LayerSpec.Dense) l).activation().jsonName()).toList();
            return new TrainingRecord(layers, epochs, activations, learningRate, divergedIn);
        }

        Diagnosis diagnose() {
            return Diagnoser.diagnose(record(null));
        }

        /** The finding of {@code kind}; the others a network shows alongside are allowed. */
        Finding only(String kind) {
            List<Finding> findings = diagnose().findings();
            assertThat(findings).as("findings").extracting(Finding::kind).contains(kind);
            return findings.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow();
        }
    }

    private static LayerParameters gaussian(int rows, int columns, double scale, SplittableRandom random) {
        double[][] w = new double[rows][columns];
        for (double[] row : w) {
            Arrays.setAll(row, j -> scale * random.nextGaussian());
        }
        return new LayerParameters(w, new double[columns]);
    }

    /** Three Gaussian clusters in four dimensions, standardized scale, easy to separate. */
    private static LabeledData blobs(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][4];
        double[][] y = new double[rows][3];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            int c = r % 3;
            labels[r] = c;
            y[r][c] = 1;
            for (int j = 0; j < 4; j++) {
                x[r][j] = (j == c ? 2.0 : 0.0) + random.nextGaussian() * 0.7;
            }
        }
        return new LabeledData(Nd4j.createFromArray(x).castTo(DataType.FLOAT), Nd4j.createFromArray(y)
                .castTo(DataType.FLOAT), labels);
    }

    private static LabeledData noisySine(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][1];
        double[][] y = new double[rows][1];
        for (int r = 0; r < rows; r++) {
            x[r][0] = random.nextDouble(-2, 2);
            y[r][0] = Math.sin(x[r][0]) + 0.5 * random.nextGaussian();
        }
        return new LabeledData(Nd4j.createFromArray(x).castTo(DataType.FLOAT), Nd4j.createFromArray(y)
                .castTo(DataType.FLOAT), null);
    }
}
