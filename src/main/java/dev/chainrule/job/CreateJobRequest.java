package dev.chainrule.job;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code POST /api/v1/jobs}: everything but the two ids may be left out; a fork ({@code from}) may leave
 * those out too.
 */
@Schema(description = "A training job", example = """
        {"modelId": "00000000-0000-0000-0000-000000000000", "datasetId": "00000000-0000-0000-0000-000000000000",
         "epochs": 50, "batchSize": 16, "optimizer": {"type": "adam", "learningRate": 0.01},
         "validationSplit": 0.2, "seed": 7}""")
record CreateJobRequest(
        @Schema(description = "required unless the job is a fork (from)") UUID modelId,
        @Schema(description = "required unless the job is a fork (from)") UUID datasetId,
        @Schema(defaultValue = "20") @Min(1) @Max(100_000) Integer epochs,
        @Schema(defaultValue = "32") @Min(1) @Max(1_000_000) Integer batchSize,
        @Valid OptimizerOptions optimizer,
        @Valid ScheduleOptions schedule,
        @Schema(description = "fraction of rows held out (stratified for classification); 0 for none",
                defaultValue = "0.2") @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double validationSplit,
        @Schema(defaultValue = "true") Boolean shuffle,
        @Schema(description = "seeds the split and the shuffling", defaultValue = "0") Long seed,
        @Schema(description = "scale numeric features by the training split's mean and deviation",
                defaultValue = "true") Boolean standardize,
        @Schema(description = "float32 or float64", defaultValue = "float32", allowableValues = {"float32", "float64"}) String dtype,
        @Valid EarlyStoppingOptions earlyStopping,
        @Schema(description = "store a resumable checkpoint every N epochs", defaultValue = "1") @Min(1) Integer checkpointEvery,
        @Schema(description = "fail the job when it has run longer than this since it first started")
        @Min(1) Long maxRuntimeSeconds,
        @Schema(description = "queued jobs with a higher priority are trained first; equal priorities oldest first",
                defaultValue = "0", minimum = "-1000", maximum = "1000")
        @Min(JobQueue.MIN_PRIORITY) @Max(JobQueue.MAX_PRIORITY) Integer priority,
        @Schema(description = "record per-layer telemetry every epoch (GET /api/v1/jobs/{id}/layers and /diagnosis); "
                + "false skips its per-batch cost", defaultValue = "true") Boolean telemetry,
        @Schema(description = "before each step, scale the gradient down to this global norm (over every parameter "
                + "together, as torch.nn.utils.clip_grad_norm_); null: not clipped", example = "1.0")
        @DecimalMin(value = "0", inclusive = false) Double gradientClipNorm,
        @Schema(description = "before each step (after norm clipping), clamp every gradient value to "
                + "[-value, value], as torch.nn.utils.clip_grad_value_; null: not clipped", example = "0.5")
        @DecimalMin(value = "0", inclusive = false) Double gradientClipValue,
        @Valid ForkRequest from,
        @Schema(description = "weight the training loss by class (cross_entropy, binary_cross_entropy or mse): "
                + "\"balanced\" (rows / (classes × rows of the class), from the training rows) or an object of "
                + "label to weight, labels left out weighing 1", oneOf = {String.class, Object.class},
                example = "{\"yes\": 4.0}") Object classWeights) {

    /** A job that is not a fork, without gradient clipping or class weights. */
    CreateJobRequest(UUID modelId, UUID datasetId, Integer epochs, Integer batchSize, OptimizerOptions optimizer,
            ScheduleOptions schedule, Double validationSplit, Boolean shuffle, Long seed, Boolean standardize,
            String dtype, EarlyStoppingOptions earlyStopping, Integer checkpointEvery, Long maxRuntimeSeconds,
            Integer priority, Boolean telemetry) {
        this(modelId, datasetId, epochs, batchSize, optimizer, schedule, validationSplit, shuffle, seed, standardize,
                dtype, earlyStopping, checkpointEvery, maxRuntimeSeconds, priority, telemetry, null, null, null, null);
    }
}
