package dev.chainrule.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Elementwise (or, for softmax, row-wise) output functions of a dense layer. */
public enum Activation {
    IDENTITY, RELU, LEAKY_RELU, ELU, SIGMOID, TANH, SOFTMAX, SOFTPLUS, GELU;

    /** The name used in model definitions, e.g. {@code leaky_relu}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Activation> fromJsonName(String name) {
        return Arrays.stream(values()).filter(a -> a.jsonName().equals(name)).findFirst();
    }
}
