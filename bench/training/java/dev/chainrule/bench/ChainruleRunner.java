package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.WeightInit;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.train.BatchProgress;
import dev.chainrule.nn.train.EpochMetrics;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.Trainer;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.TrainingConfig;
import dev.chainrule.nn.train.TrainingListener;

/** Our engine, trained the way a job trains it: {@link Trainer#train} with a listener. */
final class ChainruleRunner implements EngineRunner {

    private static final long SEED = 42;

    @Override
    public String name() {
        return "Chainrule";
    }

    @Override
    public Measurement train(Workload workload, int warmupRounds, int timedRounds) {
        return train(workload, warmupRounds, timedRounds, false);
    }

    /** The same, with the per-layer telemetry a job records ({@code telemetry}) or without. */
    Measurement train(Workload workload, int warmupRounds, int timedRounds, boolean telemetry) {
        return train(workload, warmupRounds, timedRounds, telemetry, false);
    }

    /** The same, with a batch_norm layer after every hidden layer ({@code batchNorm}) or without. */
    Measurement train(Workload workload, int warmupRounds, int timedRounds, boolean telemetry, boolean batchNorm) {
        Network network = Network.create(spec(workload.widths(), batchNorm), Precision.FLOAT32);
        int epochs = (warmupRounds + timedRounds) * workload.epochsPerRound();
        TrainingConfig config = new TrainingConfig(epochs, workload.batchSize(), optimizer(workload), null, true,
                SEED, null);
        RoundClock clock = new RoundClock(workload, warmupRounds, telemetry);
        BenchData data = workload.data();
        clock.stopwatch.restart();
        new Trainer().train(network, new LabeledData(data.features(), data.targets(), data.classes()), null, config,
                clock, null);
        return clock.measurement(timedRounds);
    }

    /**
     * The engine's hot loop alone, without the trainer's shuffling, gathering and bookkeeping: one
     * preloaded batch, gradients, optimizer step, as often as a round has batches.
     */
    Measurement hotLoop(Workload workload, int warmupRounds, int timedRounds) {
        Network network = Network.create(spec(workload.widths()), Precision.FLOAT32);
        Optimizer optimizer = network.kernels().optimizer(optimizer(workload), network.parameterVector().length(),
                network.dataType());
        int batch = workload.batchSize();
        INDArray x = workload.data().features().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, batch)).dup('c');
        INDArray y = workload.data().targets().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, batch)).dup('c');
        int batches = workload.batchesPerEpoch() * workload.epochsPerRound();
        AllocationMeter meter = new AllocationMeter();
        Measurement.Rounds rounds = new Measurement.Rounds();
        for (int round = 0; round < warmupRounds + timedRounds; round++) {
            boolean timed = round >= warmupRounds;
            Stopwatch stopwatch = new Stopwatch();
            for (int b = 0; b < batches; b++) {
                network.computeGradients(x, y, b);
                optimizer.step(network.parameterVector(), network.gradientVector(), workload.optimizer().learningRate);
                meter.mark(timed);
            }
            Stopwatch.Lap lap = stopwatch.lap();
            if (timed) {
                rounds.add((double) batches * batch, lap);
            }
        }
        return rounds.measurement(meter);
    }

    @Override
    public Measurement infer(Workload workload, int batch, int warmupRounds, int timedRounds, long callsPerRound) {
        Network network = Network.create(spec(workload.widths()), Precision.FLOAT32);
        INDArray x = workload.data().features().get(
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, batch)).dup('c');
        return Inference.time(batch, warmupRounds, timedRounds, callsPerRound, () -> network.predict(x).close());
    }

    static NetworkSpec spec(int[] widths) {
        return spec(widths, false);
    }

    static NetworkSpec spec(int[] widths, boolean batchNorm) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            boolean output = i == widths.length - 1;
            layers.add(new LayerSpec.Dense(widths[i], output ? Activation.SOFTMAX : Activation.RELU));
            if (batchNorm && !output) {
                layers.add(new LayerSpec.BatchNorm(0.1, 1e-5));
            }
        }
        return new NetworkSpec(widths[0], layers, Loss.CROSS_ENTROPY, WeightInit.HE_NORMAL, SEED, 0);
    }

    private static OptimizerSpec optimizer(Workload workload) {
        double lr = workload.optimizer().learningRate;
        return switch (workload.optimizer()) {
            case SGD -> new OptimizerSpec.Sgd(lr, 0, false, 0);
            case ADAM -> new OptimizerSpec.Adam(lr, 0.9, 0.999, 1e-8, 0);
        };
    }

    /**
     * Times rounds at epoch ends and meters allocation between consecutive batches of one epoch, so
     * that the per-epoch work is not counted as a batch's cost. It takes the epoch's checkpoint, as a
     * job that checkpoints every epoch does.
     */
    private static final class RoundClock implements TrainingListener {

        private final int epochsPerRound;
        private final int warmupEpochs;
        private final long samplesPerRound;
        private final AllocationMeter meter = new AllocationMeter();
        private final Measurement.Rounds rounds = new Measurement.Rounds();
        private final Stopwatch stopwatch = new Stopwatch();
        private final boolean telemetry;

        RoundClock(Workload workload, int warmupRounds, boolean telemetry) {
            this.telemetry = telemetry;
            this.epochsPerRound = workload.epochsPerRound();
            this.warmupEpochs = warmupRounds * workload.epochsPerRound();
            this.samplesPerRound = workload.samplesPerRound();
        }

        @Override
        public void onBatch(BatchProgress progress) {
            meter.mark(progress.epoch() > warmupEpochs && progress.batch() > 1);
        }

        @Override
        public boolean wantsLayerTelemetry() {
            return telemetry;
        }

        @Override
        public void onEpoch(EpochMetrics metrics, Supplier<TrainerCheckpoint> checkpoint) {
            checkpoint.get();
            if (metrics.epoch() % epochsPerRound != 0) {
                return;
            }
            Stopwatch.Lap lap = stopwatch.lap();
            if (metrics.epoch() > warmupEpochs) {
                rounds.add(samplesPerRound, lap);
            }
        }

        Measurement measurement(int timedRounds) {
            if (rounds.size() != timedRounds) {
                throw new IllegalStateException("expected " + timedRounds + " timed rounds, got " + rounds.size());
            }
            return rounds.measurement(meter);
        }
    }
}
