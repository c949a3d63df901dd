package dev.chainrule.job;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.EarlyStopping;
import dev.chainrule.nn.train.GradientClipping;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.TrainingConfig;

/**
 * A job's effective options: the request with every default filled in. Stored with the job as
 * JSON and shown in its view, so a client always sees exactly what was trained with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobOptions(int epochs, int batchSize, OptimizerOptions optimizer, ScheduleOptions schedule,
        double validationSplit, boolean shuffle, long seed, boolean standardize, String dtype,
        EarlyStoppingOptions earlyStopping, int checkpointEvery, Long maxRuntimeSeconds, Boolean telemetry,
        Double gradientClipNorm, Double gradientClipValue, Object classWeights) {

    /** Without gradient clipping or class weights. */
    JobOptions(int epochs, int batchSize, OptimizerOptions optimizer, ScheduleOptions schedule,
            double validationSplit, boolean shuffle, long seed, boolean standardize, String dtype,
            EarlyStoppingOptions earlyStopping, int checkpointEvery, Long maxRuntimeSeconds, Boolean telemetry) {
        this(epochs, batchSize, optimizer, schedule, validationSplit, shuffle, seed, standardize, dtype, earlyStopping,
                checkpointEvery, maxRuntimeSeconds, telemetry, null, null, null);
    }

    /** Per-layer telemetry is recorded; null in options stored before the option existed: off. */
    boolean recordsTelemetry() {
        return Boolean.TRUE.equals(telemetry);
    }

    Precision precision() {
        return Precision.fromJsonName(dtype).orElseThrow();
    }

    TrainingConfig toTrainingConfig() {
        return new TrainingConfig(epochs, batchSize, optimizer.toSpec(), schedule.toSchedule(), shuffle, seed,
                earlyStoppingSpec(), new GradientClipping(gradientClipNorm, gradientClipValue));
    }

    /** Which checkpoint counts as best: the early-stopping metric, else val_loss, else loss. */
    Metric bestMetric() {
        if (earlyStopping != null) {
            return earlyStopping.toMetric();
        }
        return validationSplit > 0 ? Metric.VAL_LOSS : Metric.LOSS;
    }

    private EarlyStopping earlyStoppingSpec() {
        EarlyStoppingOptions e = earlyStopping;
        return e == null ? null : new EarlyStopping(e.toMetric(), e.patience(), e.minDelta(), e.restoreBest());
    }
}
