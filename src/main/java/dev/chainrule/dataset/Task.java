package dev.chainrule.dataset;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a dataset's target asks for. */
public enum Task {
    CLASSIFICATION, REGRESSION;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Task> fromJsonName(String name) {
        return Arrays.stream(values()).filter(t -> t.jsonName().equals(name)).findFirst();
    }
}
