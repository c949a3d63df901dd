package dev.chainrule.nn.train;

/**
 * What one finished epoch measured. {@code epoch} counts from 1. {@code loss} is the mean of the
 * training-batch losses computed during the epoch (before each batch's update); validation values
 * are computed after the epoch and are null without validation data. Accuracies are null for
 * regression, RMSEs null for classification (RMSE in the units of the encoded targets).
 */
public record EpochMetrics(int epoch, double loss, Double valLoss, Double accuracy, Double valAccuracy,
        Double rmse, Double valRmse, double learningRate, long durationMs, double samplesPerSecond) {
}
