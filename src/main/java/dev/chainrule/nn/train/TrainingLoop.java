package dev.chainrule.nn.train;

import java.util.List;
import java.util.function.Supplier;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Network;
import dev.chainrule.nn.Seeds;
import dev.chainrule.nn.kernel.MatrixKernel;
import dev.chainrule.nn.optim.LearningRateSchedule;
import dev.chainrule.nn.optim.Optimizer;

/** One call of {@link Trainer#train}: the epoch and batch loops and everything they carry. */
final class TrainingLoop {

    /** Keeps dropout seeds apart from epoch-order seeds drawn from the same job seed. */
    static final long DROPOUT_SALT = 0x6D61736BL;

    private final Network network;
    private final BatchSource source;
    private final LabeledData validation;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final EarlyStoppingTracker tracker;
    private final EpochEvaluator evaluator;
    private final FiniteCheck finiteParameters;
    private final TelemetryCollector telemetry;
    private final MatrixKernel clippingKernel;
    private final BatchScore score = new BatchScore();
    private final OutputScore.IntLookup batchClasses = this::classOfBatchRow;
    private Progress progress = new Progress();
    /** Epochs of the run this one was forked from that precede its own (see {@link WarmStart}). */
    private int epochOffset;
    private int[] batchOrder;
    private int batchFrom;

    TrainingLoop(Network network, LabeledData train, LabeledData validation, TrainingConfig config,
            TrainingListener listener) {
        this.network = network;
        network.weightClasses(config.classWeights());
        this.source = new BatchSource(train, network.dataType());
        this.validation = validation == null || validation.rows() == 0 ? null : validation;
        this.config = config;
        this.listener = listener;
        this.optimizer = network.kernels().optimizer(config.optimizer(), network.parameterVector().length(),
                network.dataType());
        this.schedule = config.schedule() == null ? new LearningRateSchedule.Constant() : config.schedule();
        this.tracker = new EarlyStoppingTracker(config.earlyStopping());
        this.evaluator = new EpochEvaluator(network, source.isClassification());
        this.finiteParameters = new FiniteCheck(network.parameterVector());
        this.telemetry = listener.wantsLayerTelemetry() ? new TelemetryCollector(network) : null;
        this.clippingKernel = config.clipping().clips() ? network.kernels().matrix() : null;
    }

    /** Counts epochs on from the warm start's, whether this run starts there or resumes its own checkpoint. */
    void continueAfter(WarmStart warmStart) {
        epochOffset = warmStart.epochOffset();
    }

    /** Takes the warm start's parameters and, with {@code restoreAll}, its optimizer and early-stopping state. */
    void warmStart(WarmStart warmStart) {
        CheckpointCodec.Contents contents = CheckpointCodec.decode(warmStart.from());
        INDArray parameters = network.parameterVector();
        if (contents.parameters().length() != parameters.length()) {
            throw new IllegalArgumentException("warm-start checkpoint holds " + contents.parameters().length()
                    + " parameters but the network has " + parameters.length());
        }
        parameters.assign(contents.parameters().castTo(parameters.dataType()));
        if (warmStart.restoreAll()) {
            requireSamePrecision(contents.parameters(), parameters);
            optimizer.importState(contents.optimizer());
            restoreTracker(contents);
            // the best epoch is counted in the fork's own epochs; one before the fork's first is "none yet"
            tracker.bestEpoch = Math.max(0, contents.bestEpoch() - epochOffset);
        }
    }

    void restore(TrainerCheckpoint checkpoint) {
        CheckpointCodec.Contents contents = CheckpointCodec.decode(checkpoint);
        INDArray parameters = network.parameterVector();
        if (contents.parameters().length() != parameters.length()) {
            throw new IllegalArgumentException("checkpoint holds " + contents.parameters().length() + " "
                    + contents.parameters().dataType() + " parameters but the network has " + parameters.length()
                    + " " + parameters.dataType());
        }
        requireSamePrecision(contents.parameters(), parameters);
        int batches = (source.rows() + config.batchSize() - 1) / config.batchSize();
        if (contents.progress().batchesIntoEpoch >= batches) {
            throw new IllegalArgumentException("checkpoint is " + contents.progress().batchesIntoEpoch
                    + " batches into an epoch, but this data and batch size give " + batches + " batches per epoch");
        }
        parameters.assign(contents.parameters());
        INDArray state = network.stateVector();
        if (state != null) {
            if (contents.state() == null || contents.state().length() != state.length()) {
                throw new IllegalArgumentException("checkpoint holds no running statistics for the network's "
                        + state.length() + " state values");
            }
            state.assign(contents.state());
        }
        optimizer.importState(contents.optimizer());
        progress = contents.progress();
        restoreTracker(contents);
    }

    private void restoreTracker(CheckpointCodec.Contents contents) {
        tracker.best = contents.best();
        tracker.bestEpoch = contents.bestEpoch();
        tracker.epochsWithoutImprovement = contents.epochsWithoutImprovement();
        tracker.bestParameters = contents.bestParameters();
        tracker.bestState = contents.bestState();
    }

    private static void requireSamePrecision(INDArray stored, INDArray parameters) {
        if (stored.dataType() != parameters.dataType()) {
            throw new IllegalArgumentException("checkpoint holds " + stored.dataType() + " parameters but the network has "
                    + parameters.dataType());
        }
    }

    TrainingOutcome run() {
        EpochMetrics last = null;
        TrainerCheckpoint lastEpochCheckpoint = null;
        int rows = source.rows();
        int batchSize = config.batchSize();
        int batches = (rows + batchSize - 1) / batchSize;
        if (tracker.shouldStop()) {
            // resumed from the checkpoint of the epoch that triggered early stopping: stop as the
            // uninterrupted run did
            restoreBestIfAsked();
            return outcome(TrainingOutcome.Status.EARLY_STOPPED, null, snapshot(), null);
        }
        while (progress.epochsCompleted < config.epochs()) {
            int epoch = progress.epochsCompleted;
            int drawnAt = epochOffset + epoch;
            double learningRate = schedule.rateAt(config.optimizer().learningRate(), drawnAt);
            int[] order = EpochOrder.of(rows, config.shuffle(), config.seed(), drawnAt);
            long started = System.nanoTime();
            long samplesThisRun = 0;
            for (int batch = progress.batchesIntoEpoch; batch < batches; batch++) {
                if (listener.stopRequested()) {
                    return outcome(TrainingOutcome.Status.STOPPED, last, snapshot(), null);
                }
                int from = batch * batchSize;
                int count = Math.min(batchSize, rows - from);
                INDArray[] data = source.gather(order, from, count);
                double loss = network.computeGradients(data[0], data[1],
                        Seeds.mix(config.seed() ^ DROPOUT_SALT, drawnAt, batch));
                if (!Double.isFinite(loss)) {
                    String reason = "loss became " + loss + " in epoch " + (epoch + 1) + ", batch " + (batch + 1)
                            + " (step " + (progress.step + 1) + "); training diverged, try a lower learning rate";
                    return outcome(TrainingOutcome.Status.DIVERGED, last, snapshot(), reason);
                }
                double metric = batchMetric(data[1], order, from);
                boolean measured = telemetry != null && TelemetryCollector.measures(batch, batches);
                if (measured) {
                    // the gradients are intact only until the step (SGD's weight decay writes into them)
                    telemetry.afterBackward();
                }
                if (clippingKernel != null) {
                    // after telemetry, which reports the gradient the backward pass produced
                    config.clipping().apply(network.gradientVector(), clippingKernel);
                }
                optimizer.step(network.parameterVector(), network.gradientVector(), learningRate);
                if (measured) {
                    telemetry.afterStep();
                }
                progress.recordBatch(loss, metric, count);
                samplesThisRun += count;
                listener.onBatch(new BatchProgress(epoch + 1, batch + 1, batches, progress.step, loss));
            }
            if (!finiteParameters.test(network.parameterVector())) {
                // a finite loss can still hide an overflow in the last update of the epoch
                return outcome(TrainingOutcome.Status.DIVERGED, last, snapshot(), "parameters became non-finite in epoch "
                        + (epoch + 1) + " (step " + progress.step + "); training diverged, try a lower learning rate");
            }
            last = finishEpoch(epoch, learningRate, started, samplesThisRun);
            List<LayerTelemetry> layers = telemetry == null ? List.of() : telemetry.finishEpoch();
            EpochSnapshot checkpoint = new EpochSnapshot();
            listener.onEpoch(last, layers, checkpoint);
            lastEpochCheckpoint = checkpoint.expire();
            if (tracker.shouldStop()) {
                restoreBestIfAsked();
                return outcome(TrainingOutcome.Status.EARLY_STOPPED, last, snapshot(), null);
            }
        }
        TrainerCheckpoint checkpoint = restoreBestIfAsked() || lastEpochCheckpoint == null ? snapshot()
                : lastEpochCheckpoint;
        return outcome(TrainingOutcome.Status.COMPLETED, last, checkpoint, null);
    }

    private double batchMetric(INDArray targets, int[] order, int from) {
        if (source.isClassification()) {
            batchOrder = order;
            batchFrom = from;
            return score.correct(network.lastOutput(), batchClasses);
        }
        return score.squaredError(network.lastOutput(), targets);
    }

    private int classOfBatchRow(int row) {
        return source.classOf(batchOrder[batchFrom + row]);
    }

    private EpochMetrics finishEpoch(int epoch, double learningRate, long started, long samplesThisRun) {
        double loss = progress.lossSum / Math.max(1, progress.batchesIntoEpoch);
        double trainMetric = source.isClassification()
                ? progress.metricSum / progress.samplesSeen
                : Math.sqrt(progress.metricSum / (progress.samplesSeen * (double) network.outputs()));
        EpochEvaluator.Result val = validation == null ? null : evaluator.evaluate(validation);
        long elapsedNanos = System.nanoTime() - started;
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        boolean classification = source.isClassification();
        EpochMetrics metrics = new EpochMetrics(epoch + 1, loss,
                val == null ? null : val.loss(),
                classification ? trainMetric : null,
                classification && val != null ? val.metric() : null,
                classification ? null : trainMetric,
                !classification && val != null ? val.metric() : null,
                learningRate, elapsedNanos / 1_000_000, samplesThisRun / seconds);
        progress.finishEpoch();
        tracker.update(metrics, network.parameterVector(), network.stateVector());
        return metrics;
    }

    private boolean restoreBestIfAsked() {
        if (tracker.restoresBest() && tracker.bestParameters != null) {
            network.parameterVector().assign(tracker.bestParameters);
            if (tracker.bestState != null) {
                network.stateVector().assign(tracker.bestState);
            }
            return true;
        }
        return false;
    }

    private TrainerCheckpoint snapshot() {
        return CheckpointCodec.encode(network.parameterVector(), network.stateVector(), optimizer.exportState(),
                progress, tracker);
    }

    private TrainingOutcome outcome(TrainingOutcome.Status status, EpochMetrics last, TrainerCheckpoint checkpoint,
            String reason) {
        return new TrainingOutcome(status, progress.epochsCompleted, last, tracker.bestEpochOrNull(), checkpoint,
                reason);
    }

    /**
     * The epoch-boundary checkpoint handed to {@link TrainingListener#onEpoch}: encoded on the first
     * {@link #get()} only, and refused once the callback has returned (training has moved on by then).
     */
    private final class EpochSnapshot implements Supplier<TrainerCheckpoint> {
        private TrainerCheckpoint encoded;
        private boolean expired;

        @Override
        public TrainerCheckpoint get() {
            if (expired) {
                throw new IllegalStateException("an epoch checkpoint can only be taken during onEpoch");
            }
            if (encoded == null) {
                encoded = snapshot();
            }
            return encoded;
        }

        /** Ends the callback; returns the checkpoint if one was encoded. */
        TrainerCheckpoint expire() {
            expired = true;
            return encoded;
        }
    }
}
