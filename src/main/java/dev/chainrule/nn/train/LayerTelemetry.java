package dev.chainrule.nn.train;

/**
 * What one trainable layer did during one epoch. {@code layer} is the layer's position in the
 * network (from 0, as in the spec; inside residual blocks in the order of {@link dev.chainrule.nn.FlatLayers});
 * {@code kind} its kind ({@code dense}, {@code batch_norm} or {@code projection}). For batch norm, W is γ
 * and b is β, {@code errorNorm} is taken of ∂L/∂y (it has no z) and the activation statistics are those of
 * its output.
 *
 * <ul>
 * <li>{@code weightNorm}: ‖W‖₂ at the end of the epoch;
 * <li>{@code gradientNorm}, {@code biasGradientNorm}: ‖∂L/∂W‖₂ and ‖∂L/∂b‖₂, the root mean square over
 * the epoch's batches (taken before the optimizer step, L2 term included);
 * <li>{@code updateRatio}: ‖ΔW‖₂/‖W‖₂ of the update the optimizer applied, W before the step, the mean
 * over the epoch's batches;
 * <li>{@code errorNorm}: ‖∂L/∂z‖₂/√rows, the error signal reaching the layer, the mean over the batches;
 * <li>{@code activationMean}, {@code activationStd}: of the layer's outputs {@code a} on the first
 * batch the epoch ran (population standard deviation);
 * <li>the batch values are taken on every batch of an epoch of up to 32 batches, and on every k-th
 * batch from the first of a longer one, k = ⌈batches/32⌉ ({@link TelemetryCollector#measures});
 * <li>{@code deadFraction}: the share of units whose output is 0 for every row of that batch;
 * <li>{@code saturatedFraction}: the share of that batch's sigmoid outputs outside [0.01, 0.99], or of
 * its tanh outputs with |a| above 0.99; null for any other activation.
 * </ul>
 */
public record LayerTelemetry(int layer, String kind, double weightNorm, double gradientNorm,
        double biasGradientNorm, double updateRatio, double errorNorm, double activationMean, double activationStd,
        double deadFraction, Double saturatedFraction) {
}
