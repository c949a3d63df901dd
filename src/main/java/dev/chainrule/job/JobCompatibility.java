package dev.chainrule.job;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.train.Metric;
import dev.chainrule.nn.train.ValidationSplit;

/**
 * Checks, when a job is created, that its model, dataset and options fit together, and fits the
 * preprocessing the job will train under. Every mismatch is a 422 naming the field at fault.
 */
final class JobCompatibility {

    private JobCompatibility() {
    }

    static Preprocessing fit(StoredModel model, DatasetData data, JobOptions options) {
        ValidationSplit.Split split = split(data, options);
        Preprocessing preprocessing = fit(data, split, options.standardize(), model);
        List<Fault> errors = new ArrayList<>();
        if (model.inputs() != null && model.inputs() != preprocessing.inputs()) {
            errors.add(Fault.atPointer("/modelId", "The model expects " + model.inputs()
                    + " inputs but dataset '" + data.name() + "' encodes to " + preprocessing.inputs() + " features."));
        }
        if (model.outputs() != preprocessing.outputs()) {
            errors.add(Fault.atPointer("/datasetId", "The model has " + model.outputs()
                    + " outputs but the target '" + data.target().name() + "' of dataset '" + data.name()
                    + "' encodes to " + preprocessing.outputs() + " under loss " + model.loss().jsonName() + "."));
        }
        int train = split.train().length;
        if (model.hasBatchNorm() && (options.batchSize() == 1 || train % options.batchSize() == 1)) {
            errors.add(Fault.atPointer("/batchSize", "The model has batch_norm layers, which need at least 2 rows in "
                    + "every training batch; " + train + " training rows in batches of " + options.batchSize()
                    + " leave a batch of 1 row. Choose another batchSize."));
        }
        Metric metric = options.earlyStopping() == null ? null : options.earlyStopping().toMetric();
        if (metric != null && !metric.fitsTask(data.task() == Task.CLASSIFICATION)) {
            errors.add(Fault.atPointer("/earlyStopping/metric", "Metric '" + metric.jsonName() + "' needs a "
                    + metric.scope().jsonName() + " dataset; dataset '" + data.name() + "' is a " + data.task().jsonName()
                    + " dataset."));
        }
        errors.addAll(ClassWeightsOption.faults(options.classWeights(), model, data));
        if (!errors.isEmpty()) {
            throw incompatible(DomainException.summary(errors, "The job has " + errors.size() + " incompatibilities."),
                    errors);
        }
        return preprocessing;
    }

    /** The fitter would name the model's {@code /loss}; in a job request the dataset is what does not fit. */
    private static Preprocessing fit(DatasetData data, ValidationSplit.Split split, boolean standardize,
            StoredModel model) {
        Loss loss = model.loss();
        int classes = data.target() instanceof TargetColumn.Classes c ? c.classes().size() : 0;
        PreprocessingFitter.mismatch(data.task(), classes, loss).ifPresent(message -> {
            throw incompatible(message, List.of(Fault.atPointer("/datasetId", message)));
        });
        return PreprocessingFitter.fit(data, split.train(), standardize, loss, model.outputs());
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

    private static InvalidInputException tooFewRows(String message) {
        return incompatible(message, List.of(Fault.atPointer("/validationSplit", message)));
    }

    private static InvalidInputException incompatible(String detail, List<Fault> faults) {
        return new InvalidInputException("incompatible-job", "Model and dataset do not fit", detail, faults);
    }
}
