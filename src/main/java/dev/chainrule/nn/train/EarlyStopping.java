package dev.chainrule.nn.train;

/**
 * Stop when {@code metric} (loss, val_loss, accuracy, val_accuracy, rmse, val_rmse) has not improved
 * by more than {@code minDelta} for {@code patience} epochs; optionally restore the best parameters.
 */
public record EarlyStopping(String metric, int patience, double minDelta, boolean restoreBest) {
}
