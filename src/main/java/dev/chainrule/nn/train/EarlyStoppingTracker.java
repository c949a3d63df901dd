package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Follows one metric across epochs: the best value (in the metric's direction), its epoch, how many
 * epochs have passed without an improvement larger than {@code minDelta}, and (with
 * {@code restoreBest}) a copy of the best parameters.
 */
final class EarlyStoppingTracker {

    private final EarlyStopping config;

    double best = Double.NaN;
    int bestEpoch;
    int epochsWithoutImprovement;
    INDArray bestParameters;
    /** The network's state (running statistics) at the best epoch; null when it has none. */
    INDArray bestState;

    EarlyStoppingTracker(EarlyStopping config) {
        this.config = config;
    }

    boolean active() {
        return config != null;
    }

    boolean restoresBest() {
        return config != null && config.restoreBest();
    }

    void update(EpochMetrics metrics, INDArray parameters, INDArray state) {
        if (config == null) {
            return;
        }
        Double value = config.metric().valueIn(metrics);
        if (value == null || value.isNaN()) {
            epochsWithoutImprovement++;
            return;
        }
        boolean improved = Double.isNaN(best) || config.metric().improves(value, best, config.minDelta());
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
                if (state != null) {
                    if (bestState == null) {
                        bestState = state.dup();
                    } else {
                        bestState.assign(state);
                    }
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
}
