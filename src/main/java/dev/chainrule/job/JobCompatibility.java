package dev.chainrule.job;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.train.ValidationSplit;
import dev.chainrule.web.ApiProblem;
import dev.chainrule.web.ProblemError;

/**
 * Checks, when a job is created, that its model, dataset and options fit together, and fits the
 * preprocessing the job will train under. Every mismatch is a 422 naming the field at fault.
 */
final class JobCompatibility {

    private JobCompatibility() {
    }

    static Preprocessing fit(StoredModel model, DatasetData data, JobOptions options) {
        ValidationSplit.Split split = split(data, options);
        Preprocessing preprocessing = fit(data, split, options.standardize(), model.loss());
        List<ProblemError> errors = new ArrayList<>();
        if (model.inputs() != null && model.inputs() != preprocessing.inputs()) {
            errors.add(ProblemError.atPointer("/modelId", "The model expects " + model.inputs()
                    + " inputs but dataset '" + data.name() + "' encodes to " + preprocessing.inputs() + " features."));
        }
        if (model.outputs() != preprocessing.outputs()) {
            errors.add(ProblemError.atPointer("/datasetId", "The model has " + model.outputs()
                    + " outputs but the target '" + data.target().name() + "' of dataset '" + data.name()
                    + "' encodes to " + preprocessing.outputs() + " under loss " + model.loss().jsonName() + "."));
        }
        String metric = options.earlyStopping() == null ? null : options.earlyStopping().metric();
        if (metric != null && metric.contains("accuracy") && !model.loss().isClassification()) {
            errors.add(ProblemError.atPointer("/earlyStopping/metric",
                    "Metric '" + metric + "' needs a classification loss; the model's loss is " + model.loss().jsonName() + "."));
        }
        if (metric != null && metric.contains("rmse") && model.loss().isClassification()) {
            errors.add(ProblemError.atPointer("/earlyStopping/metric",
                    "Metric '" + metric + "' needs a regression loss; the model's loss is " + model.loss().jsonName() + "."));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.unprocessable("incompatible-job", "Model and dataset do not fit",
                    errors.size() == 1 ? errors.get(0).message() : "The job has " + errors.size() + " incompatibilities.",
                    errors);
        }
        return preprocessing;
    }

    /** The fitter names the model's {@code /loss}; in a job request the dataset is what does not fit. */
    private static Preprocessing fit(DatasetData data, ValidationSplit.Split split, boolean standardize, Loss loss) {
        try {
            return PreprocessingFitter.fit(data, split.train(), standardize, loss);
        } catch (ApiProblem e) {
            if (e.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
                throw e;
            }
            throw ApiProblem.unprocessable("incompatible-job", "Model and dataset do not fit", e.getMessage(),
                    List.of(ProblemError.atPointer("/datasetId", e.getMessage())));
        }
    }

    private static ValidationSplit.Split split(DatasetData data, JobOptions options) {
        ValidationSplit.Split split;
        try {
            split = TrainingRows.of(data, options);
        } catch (IllegalArgumentException e) {
            throw tooFewRows(e.getMessage());
        }
        if (split.train().length == 0 || (options.validationSplit() > 0 && split.validation().length == 0)) {
            throw tooFewRows("A validationSplit of " + options.validationSplit() + " on " + data.rows()
                    + " rows leaves " + split.train().length + " training and " + split.validation().length
                    + " validation rows; both need at least one.");
        }
        return split;
    }

    private static ApiProblem tooFewRows(String message) {
        return ApiProblem.unprocessable("incompatible-job", "Model and dataset do not fit", message,
                List.of(ProblemError.atPointer("/validationSplit", message)));
    }
}
