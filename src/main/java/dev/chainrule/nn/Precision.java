package dev.chainrule.nn;

import java.util.Optional;

/** Floating-point type of parameters and activations ({@code dtype} in a job). */
public enum Precision implements JsonNamed {
    FLOAT32, FLOAT64;

    public static Optional<Precision> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Precision.class, name);
    }
}
