package dev.chainrule.nn;

import java.util.List;

/** One layer of a network definition, in order from input to output. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout, LayerSpec.BatchNorm, LayerSpec.Residual {

    /** {@code z = a·W + b}, W shaped [inputs, units], then the activation. */
    record Dense(int units, Activation activation) implements LayerSpec {
    }

    /** Inverted dropout: active only while training, scales kept units by 1/(1-rate). */
    record Dropout(double rate) implements LayerSpec {
    }

    /**
     * Batch normalization over each column, as PyTorch's {@code BatchNorm1d}: {@code γ·x̂ + β} with the
     * batch's statistics in training (the running mean and unbiased variance then move by
     * {@code momentum}), the running statistics in inference.
     */
    record BatchNorm(double momentum, double epsilon) implements LayerSpec {

        public static final double DEFAULT_MOMENTUM = 0.1;
        public static final double DEFAULT_EPSILON = 1e-5;
    }

    /**
     * {@code inner(x) + x}, or {@code inner(x) + x·P + c} with a learned projection when the inner
     * layers change the width.
     */
    record Residual(List<LayerSpec> layers, boolean projection) implements LayerSpec {

        public Residual {
            layers = List.copyOf(layers);
        }
    }

    /** How many blocks deep this layer nests: 0 for a plain layer, 1 for a block of plain layers. */
    default int depth() {
        if (this instanceof Residual residual) {
            return 1 + residual.layers().stream().mapToInt(LayerSpec::depth).max().orElse(0);
        }
        return 0;
    }
}
