package dev.chainrule.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Initial weight distributions; biases always start at zero. */
public enum WeightInit {
    XAVIER_UNIFORM, XAVIER_NORMAL, HE_UNIFORM, HE_NORMAL;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<WeightInit> fromJsonName(String name) {
        return Arrays.stream(values()).filter(w -> w.jsonName().equals(name)).findFirst();
    }
}
