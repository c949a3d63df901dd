package dev.chainrule.nn;

import java.util.Optional;

/** Training objectives; every one is the batch mean, as PyTorch's default reduction. */
public enum Loss implements JsonNamed {
    MSE, MAE, HUBER, CROSS_ENTROPY, BINARY_CROSS_ENTROPY;

    public static Optional<Loss> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Loss.class, name);
    }

    /** Whether this loss may follow the given output activation (the fused gradients rely on it). */
    public boolean fitsOutput(Activation output) {
        return switch (this) {
            case CROSS_ENTROPY -> output == Activation.SOFTMAX;
            case BINARY_CROSS_ENTROPY -> output == Activation.SIGMOID;
            case MSE, MAE, HUBER -> output != Activation.SOFTMAX;
        };
    }

    /** Classification losses want class targets; the others want numeric targets. */
    public boolean isClassification() {
        return this == CROSS_ENTROPY || this == BINARY_CROSS_ENTROPY;
    }
}
