package dev.chainrule.nn.train;

import dev.chainrule.nn.optim.LearningRateSchedule;

/** Rejects a training configuration or data set the trainer cannot use, saying which value is wrong. */
final class TrainingConfigValidator {

    private TrainingConfigValidator() {
    }

    static void validate(TrainingConfig config, LabeledData train, LabeledData validation) {
        if (config.epochs() < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, was " + config.epochs());
        }
        if (config.batchSize() < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, was " + config.batchSize());
        }
        if (config.optimizer() == null) {
            throw new IllegalArgumentException("an optimizer is required");
        }
        checkSchedule(config.schedule());
        if (train == null || train.rows() == 0) {
            throw new IllegalArgumentException("training data must have at least one row");
        }
        checkRows("training", train);
        if (validation != null) {
            checkRows("validation", validation);
            if (train.isClassification() != validation.isClassification()) {
                throw new IllegalArgumentException("training and validation data must both have class indices or neither");
            }
        }
        EarlyStopping stopping = config.earlyStopping();
        if (stopping == null) {
            return;
        }
        Metric metric = stopping.metric();
        if (metric == null) {
            throw new IllegalArgumentException("early stopping needs a metric");
        }
        if (metric.needsValidation() && (validation == null || validation.rows() == 0)) {
            throw new IllegalArgumentException("early stopping on " + metric.jsonName() + " needs validation data");
        }
        if (!metric.fitsTask(train.isClassification())) {
            throw new IllegalArgumentException("early stopping on " + metric.jsonName() + " needs a "
                    + metric.scope().jsonName() + " task");
        }
        if (stopping.patience() < 1 || !(stopping.minDelta() >= 0)) {
            throw new IllegalArgumentException("early stopping needs patience >= 1 and minDelta >= 0");
        }
    }

    private static void checkSchedule(LearningRateSchedule schedule) {
        boolean valid = true;
        if (schedule instanceof LearningRateSchedule.Step step) {
            valid = step.stepSize() >= 1 && step.gamma() > 0;
        } else if (schedule instanceof LearningRateSchedule.Exponential exponential) {
            valid = exponential.gamma() > 0;
        } else if (schedule instanceof LearningRateSchedule.Cosine cosine) {
            valid = cosine.periodEpochs() >= 1 && cosine.minRate() >= 0;
        }
        if (!valid) {
            throw new IllegalArgumentException("invalid learning-rate schedule " + schedule
                    + ": step sizes and periods must be >= 1, factors > 0, a minimum rate >= 0");
        }
    }

    private static void checkRows(String name, LabeledData data) {
        if (data.targets().rows() != data.rows()) {
            throw new IllegalArgumentException(name + " data has " + data.rows() + " feature rows but "
                    + data.targets().rows() + " target rows");
        }
        if (data.classIndices() != null && data.classIndices().length != data.rows()) {
            throw new IllegalArgumentException(name + " data has " + data.rows() + " rows but "
                    + data.classIndices().length + " class indices");
        }
    }
}
