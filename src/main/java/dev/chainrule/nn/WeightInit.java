package dev.chainrule.nn;

import java.util.Optional;

/** Initial weight distributions; biases always start at zero. */
public enum WeightInit implements JsonNamed {
    XAVIER_UNIFORM, XAVIER_NORMAL, HE_UNIFORM, HE_NORMAL;

    public static Optional<WeightInit> fromJsonName(String name) {
        return JsonNamed.fromJsonName(WeightInit.class, name);
    }
}
