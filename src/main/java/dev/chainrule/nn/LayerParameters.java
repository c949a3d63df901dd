package dev.chainrule.nn;

/** The parameters of one dense layer as plain arrays: {@code weights[in][out]}, {@code bias[out]}. */
public record LayerParameters(double[][] weights, double[] bias) {
}
