package dev.chainrule.nn;

import java.util.Optional;

/** Elementwise (or, for softmax, row-wise) output functions of a dense layer. */
public enum Activation implements JsonNamed {
    IDENTITY, RELU, LEAKY_RELU, ELU, SIGMOID, TANH, SOFTMAX, SOFTPLUS, GELU;

    public static Optional<Activation> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Activation.class, name);
    }
}
