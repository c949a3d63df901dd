package dev.chainrule.role;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one instance of the service does, set by {@code chainrule.role}. The same jar runs all three,
 * so that a deployment scales the HTTP front and the trainers separately.
 */
public enum Role {

    /** The public API and the job runner (the default: one process does everything). */
    ALL,
    /** The public API only: jobs are queued here and trained by workers. */
    API,
    /** The job runner only: no public API, just health and metrics under {@code /actuator}. */
    WORKER;

    public static final String PROPERTY = "chainrule.role";

    /** The role named by a property value (any case); null or blank means {@link #ALL}. */
    public static Role fromProperty(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PROPERTY + " must be one of " + names() + ", got '" + value + "'");
        }
    }

    public String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static String names() {
        return Arrays.stream(values()).map(Role::propertyValue).collect(Collectors.joining(", "));
    }
}
