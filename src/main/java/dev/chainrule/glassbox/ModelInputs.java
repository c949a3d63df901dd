package dev.chainrule.glassbox;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.stereotype.Component;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;

/**
 * What the step and the gradient check share: the dataset named in the body, the preprocessing a job
 * without validation split would fit on it, the check that model and rows fit, and the model's network.
 */
@Component
class ModelInputs {

    private final DatasetReader datasets;

    ModelInputs(DatasetReader datasets) {
        this.datasets = datasets;
    }

    /** A missing or unknown dataset is a fault of the body: 422 at {@code /datasetId}. */
    DatasetData dataset(UUID tenant, UUID datasetId) {
        if (datasetId == null) {
            throw invalid("/datasetId", "'datasetId' is required (or send instances and targets).");
        }
        try {
            datasets.requireOwned(tenant, datasetId);
            return datasets.read(datasetId);
        } catch (NotFoundException e) {
            throw invalid("/datasetId", e.getMessage());
        }
    }

    /** Fitted on every row of {@code data}, as a job with no validation split fits it on its training rows. */
    static Preprocessing fit(StoredModel model, DatasetData data, boolean standardize) {
        int classes = data.target() instanceof TargetColumn.Classes c ? c.classes().size() : 0;
        PreprocessingFitter.mismatch(data.task(), classes, model.loss()).ifPresent(message -> {
            throw invalid("/datasetId", message);
        });
        Preprocessing preprocessing = PreprocessingFitter.fit(data, IntStream.range(0, data.rows()).toArray(),
                standardize, model.loss(), model.outputs());
        checkWidths(model, preprocessing.inputs(), preprocessing.outputs(), "/datasetId", "/datasetId");
        return preprocessing;
    }

    /** The model must take {@code inputs} features and give {@code outputs} values: 422 at the pointers otherwise. */
    static void checkWidths(StoredModel model, int inputs, int outputs, String inputPointer, String outputPointer) {
        if (model.inputs() != null && model.inputs() != inputs) {
            throw invalid(inputPointer, "The model expects " + model.inputs() + " inputs but the rows have "
                    + inputs + " features.");
        }
        if (model.outputs() != outputs) {
            throw invalid(outputPointer, "The model has " + model.outputs() + " outputs but the targets have "
                    + outputs + " values per row under loss " + model.loss().jsonName() + ".");
        }
    }

    /** The model's network on {@code inputs} features: its explicit parameters, or weights drawn from its seed. */
    static Network network(StoredModel model, int inputs, Precision precision) {
        var spec = model.toNetworkSpec(inputs);
        return model.parameters() == null ? Network.create(spec, precision)
                : Network.create(spec, precision, model.parameters());
    }

    static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException("invalid-glass-box-request", "The request does not fit the model",
                message, List.of(Fault.atPointer(pointer, message)));
    }
}
