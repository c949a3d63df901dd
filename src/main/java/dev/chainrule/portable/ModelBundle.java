package dev.chainrule.portable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.chainrule.nn.LayerParameters;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * A trained model as one self-contained JSON document: the definition, the trained parameters, the
 * fitted preprocessing, the training options and the final metrics. {@code format} and
 * {@code formatVersion} say how to read the rest; a reader refuses a version it does not know.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A portable model bundle (format chainrule.model, version 1)", example = """
        {"format": "chainrule.model", "formatVersion": 1, "exportedAt": "2026-12-03T13:41:18Z",
         "model": {"name": "line", "inputs": 1, "layers": [{"type": "dense", "units": 1, "activation": "identity"}],
                   "loss": "mse", "weightInit": "xavier_uniform", "seed": 0, "l2": 0.0},
         "parameters": [{"weights": [[0.5]], "bias": [0.1]}],
         "preprocessing": {"task": "regression",
                           "features": [{"name": "x", "type": "numeric", "mean": 2.0, "std": 1.5, "standardize": true}],
                           "target": {"encoding": "value", "mean": 4.0, "std": 3.0, "standardize": true}},
         "training": {"epochs": 20, "batchSize": 32, "optimizer": {"type": "adam", "learningRate": 0.001},
                      "validationSplit": 0.2, "shuffle": true, "seed": 0, "standardize": true, "dtype": "float32"},
         "metrics": {"loss": 0.01}}""")
record ModelBundle(
        @Schema(description = "Always " + BundleFormat.NAME, example = BundleFormat.NAME) String format,
        @Schema(description = "Version of the format; this service reads " + BundleFormat.VERSION,
                example = "1") Integer formatVersion,
        Instant exportedAt,
        @Schema(description = "Where the model was trained; informational") Source source,
        @Schema(implementation = Map.class, description = "The model definition, as POST /api/v1/models takes it; "
                + "'inputs' is the encoded feature width") JsonNode model,
        @ArraySchema(schema = @Schema(implementation = LayerParameters.class), arraySchema = @Schema(description =
                "The trained parameters, as GET /api/v1/jobs/{id}/parameters shows them: one {weights [inputs][units], "
                        + "bias [units]} per dense layer")) List<Object> parameters,
        Preprocessing preprocessing,
        @Schema(implementation = Map.class, description = "The training options, as a job shows them")
        JsonNode training,
        @Schema(description = "The final metrics: loss, valLoss, accuracy, valAccuracy, rmse, valRmse")
        Map<String, Double> metrics) {

    /** The job a bundle was exported from. */
    @Schema(name = "BundleSource")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Source(UUID jobId, String kind, String status, UUID modelId, UUID datasetId, Integer epoch, Integer epochs,
            Long parameterVersion) {
    }

    /**
     * The fitted preprocessing. A numeric feature: a missing value becomes {@code mean}; with
     * {@code standardize} the value is then scaled to {@code (value - mean) / std}. A categorical feature:
     * one-hot over {@code categories} (the category {@code <missing>} stands for a missing value; an
     * unknown category encodes as all zeros).
     */
    @Schema(name = "BundlePreprocessing")
    record Preprocessing(
            @Schema(description = "classification or regression") String task,
            @Schema(description = "The feature columns in order") List<Feature> features,
            Target target) {
    }

    @Schema(name = "BundleFeature")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Feature(
            String name,
            @Schema(description = "numeric or categorical") String type,
            @Schema(description = "numeric: the training rows' mean") Double mean,
            @Schema(description = "numeric: the training rows' population deviation (1 for a constant column)")
            Double std,
            @Schema(description = "numeric: whether values are scaled") Boolean standardize,
            @Schema(description = "categorical: the one-hot categories in order") List<String> categories) {
    }

    /**
     * How network outputs become predictions: {@code one_hot} (softmax over {@code classes}),
     * {@code binary} (one sigmoid output, the probability of the second of two classes) or {@code value}
     * (a regression value, mapped back to {@code value * std + mean} under {@code standardize}) or
     * {@code values} (several regression targets, one output each, listed in output order in {@code targets}).
     */
    @Schema(name = "BundleTarget")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Target(
            @Schema(description = "one_hot, binary, value or values") String encoding,
            @Schema(description = "one_hot and binary: the class labels in output order") List<String> classes,
            @Schema(description = "value: the training rows' mean of the target") Double mean,
            @Schema(description = "value: the training rows' population deviation of the target") Double std,
            @Schema(description = "value: whether the network learned the scaled target") Boolean standardize,
            @Schema(description = "values: each target in output order") List<TargetValue> targets) {
    }

    /** One of several regression targets: its column name and how its output is mapped back. */
    @Schema(name = "BundleTargetValue")
    record TargetValue(
            @Schema(description = "the target column") String name,
            @Schema(description = "the training rows' mean of the target") Double mean,
            @Schema(description = "the training rows' population deviation of the target") Double std,
            @Schema(description = "whether the network learned the scaled target") Boolean standardize) {
    }
}
