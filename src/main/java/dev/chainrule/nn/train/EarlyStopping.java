package dev.chainrule.nn.train;

/**
 * Stop when {@code metric} has not improved by more than {@code minDelta} for {@code patience}
 * epochs; optionally restore the best parameters.
 */
public record EarlyStopping(Metric metric, int patience, double minDelta, boolean restoreBest) {
}
