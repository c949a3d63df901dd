package dev.chainrule.nn;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The parameters of one layer as plain arrays, in one of two forms: a dense layer's (or a residual
 * projection's) {@code weights[in][out]} and {@code bias[out]}; a batch norm layer's {@code gamma},
 * {@code beta} and its running statistics {@code runningMean}, {@code runningVar} (one value per
 * column each). The fields of the other form are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LayerParameters(double[][] weights, double[] bias, double[] gamma, double[] beta,
        double[] runningMean, double[] runningVar) {

    public LayerParameters(double[][] weights, double[] bias) {
        this(weights, bias, null, null, null, null);
    }

    public static LayerParameters batchNorm(double[] gamma, double[] beta, double[] runningMean,
            double[] runningVar) {
        return new LayerParameters(null, null, gamma, beta, runningMean, runningVar);
    }

    /** Whether this is the batch norm form (not a bean property: it is not part of the JSON form). */
    public boolean ofBatchNorm() {
        return weights == null && bias == null && gamma != null;
    }
}
