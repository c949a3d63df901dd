package dev.chainrule.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Floating-point type of parameters and activations ({@code dtype} in a job). */
public enum Precision {
    FLOAT32, FLOAT64;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Precision> fromJsonName(String name) {
        return Arrays.stream(values()).filter(p -> p.jsonName().equals(name)).findFirst();
    }
}
