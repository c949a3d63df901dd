package dev.chainrule.dataset;

import java.util.Optional;

import dev.chainrule.nn.JsonNamed;

/** What a dataset's target asks for. */
public enum Task implements JsonNamed {
    CLASSIFICATION, REGRESSION;

    public static Optional<Task> fromJsonName(String name) {
        return JsonNamed.fromJsonName(Task.class, name);
    }
}
