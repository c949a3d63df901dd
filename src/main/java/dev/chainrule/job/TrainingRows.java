package dev.chainrule.job;

import java.util.stream.IntStream;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.nn.train.ValidationSplit;

/** Which rows of a dataset a job trains and validates on; a pure function of the options. */
final class TrainingRows {

    private TrainingRows() {
    }

    static ValidationSplit.Split of(DatasetData data, JobOptions options) {
        if (options.validationSplit() == 0) {
            return new ValidationSplit.Split(IntStream.range(0, data.rows()).toArray(), new int[0]);
        }
        int[] classes = data.target() instanceof TargetColumn.Classes c ? c.labels() : null;
        return ValidationSplit.split(classes, data.rows(), options.validationSplit(), options.seed());
    }
}
