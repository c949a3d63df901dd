package dev.chainrule.nn;

/** One layer of a network definition, in order from input to output. */
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout {

    /** {@code z = a·W + b}, W shaped [inputs, units], then the activation. */
    record Dense(int units, Activation activation) implements LayerSpec {
    }

    /** Inverted dropout: active only while training, scales kept units by 1/(1-rate). */
    record Dropout(double rate) implements LayerSpec {
    }
}
