package dev.chainrule.glassbox;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.chainrule.job.OptimizerOptions;

/** {@code POST /api/v1/models/{id}/step}: rows from a dataset or inline, the update rule, where to start. */
@Schema(description = "One training step shown value by value", example = """
        {"datasetId": "00000000-0000-0000-0000-000000000000", "offset": 0, "rows": 4,
         "optimizer": {"type": "sgd", "learningRate": 0.5, "momentum": 0.9}, "standardize": false}""")
record StepRequest(
        @Schema(description = "rows from this dataset; with instances, the dataset whose encoding (fitted on all "
                + "its rows, as for its own rows) encodes them") UUID datasetId,
        @Schema(description = "first row of the dataset", defaultValue = "0") Integer offset,
        @Schema(description = "how many dataset rows, 1 to chainrule.glassbox.max-rows (256); default all the "
                + "dataset's rows from offset, at most the limit") Integer rows,
        @Schema(description = "inline rows instead of dataset rows, as raw values: [value, ...] in the feature "
                + "column order, or {column: value}; encoded by the job's preprocessing with jobId, or by the "
                + "dataset's with datasetId; with neither, arrays of numbers the network takes as they are")
        List<Object> instances,
        @Schema(description = "with instances, one raw target per row: a class label, a number (one regression "
                + "target), or an array or {name: value} of several; with neither jobId nor datasetId, a number or "
                + "an array of the model's outputs, taken as they are") List<Object> targets,
        @Schema(description = "the update rule; default the job's with jobId, else adam with its defaults")
        OptimizerOptions optimizer,
        @Schema(description = "float32 or float64; default the job's with jobId, else float32") String dtype,
        @Schema(description = "scale numeric features (and a regression target) by the dataset's mean and deviation, "
                + "as a job without validation split; ignored with jobId, which has its own",
                defaultValue = "true") Boolean standardize,
        @Schema(description = "the job seed the dropout masks come from (the trainer's first batch); default the "
                + "job's with jobId, else 0") Long seed,
        @Schema(description = "start from this job's parameters, preprocessing and options") UUID jobId,
        @Schema(description = "with jobId: the epoch whose checkpoint to start from; 0 is the model's initial "
                + "parameters", defaultValue = "0") Integer epoch) {
}
