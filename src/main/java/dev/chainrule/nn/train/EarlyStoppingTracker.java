package dev.chainrule.nn.train;

import java.util.Set;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Follows one metric across epochs: the best value, its epoch, how many epochs have passed without
 * an improvement larger than {@code minDelta}, and (with {@code restoreBest}) a copy of the best
 * parameters. Accuracies improve upwards, losses and RMSEs downwards.
 */
final class EarlyStoppingTracker {

    static final Set<String> METRICS = Set.of("loss", "val_loss", "accuracy", "val_accuracy", "rmse", "val_rmse");

    private final EarlyStopping config;
    private final boolean maximize;

    double best = Double.NaN;
    int bestEpoch;
    int epochsWithoutImprovement;
    INDArray bestParameters;

    EarlyStoppingTracker(EarlyStopping config) {
        this.config = config;
        this.maximize = config != null && config.metric().endsWith("accuracy");
    }

    boolean active() {
        return config != null;
    }

    boolean restoresBest() {
        return config != null && config.restoreBest();
    }

    void update(EpochMetrics metrics, INDArray parameters) {
        if (config == null) {
            return;
        }
        Double value = valueOf(metrics, config.metric());
        if (value == null || value.isNaN()) {
            epochsWithoutImprovement++;
            return;
        }
        boolean improved = Double.isNaN(best)
                || (maximize ? value > best + config.minDelta() : value < best - config.minDelta());
        if (improved) {
            best = value;
            bestEpoch = metrics.epoch();
            epochsWithoutImprovement = 0;
            if (config.restoreBest()) {
                if (bestParameters == null) {
                    bestParameters = parameters.dup();
                } else {
                    bestParameters.assign(parameters);
                }
            }
        } else {
            epochsWithoutImprovement++;
        }
    }

    boolean shouldStop() {
        return config != null && epochsWithoutImprovement >= config.patience();
    }

    Integer bestEpochOrNull() {
        return config == null || bestEpoch == 0 ? null : bestEpoch;
    }

    static Double valueOf(EpochMetrics metrics, String metric) {
        return switch (metric) {
            case "loss" -> metrics.loss();
            case "val_loss" -> metrics.valLoss();
            case "accuracy" -> metrics.accuracy();
            case "val_accuracy" -> metrics.valAccuracy();
            case "rmse" -> metrics.rmse();
            case "val_rmse" -> metrics.valRmse();
            default -> throw new IllegalArgumentException("unknown early-stopping metric " + metric);
        };
    }
}
