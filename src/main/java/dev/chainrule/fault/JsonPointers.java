package dev.chainrule.fault;

import java.util.List;

import tools.jackson.core.JacksonException;

/** Converts the paths that Spring and Jackson report into RFC 6901 JSON pointers. */
public final class JsonPointers {

    private JsonPointers() {
    }

    /** {@code layers[2].units} becomes {@code /layers/2/units}. */
    public static String fromPropertyPath(String propertyPath) {
        if (propertyPath == null || propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : propertyPath.replace("[", ".").replace("]", "").split("\\.")) {
            if (!part.isEmpty()) {
                pointer.append('/').append(escape(part));
            }
        }
        return pointer.toString();
    }

    public static String fromJacksonPath(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            if (reference.getPropertyName() != null) {
                pointer.append('/').append(escape(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                pointer.append('/').append(reference.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
