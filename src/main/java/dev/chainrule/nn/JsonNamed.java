package dev.chainrule.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An enum whose constants are written in JSON by their name in lower case: {@code LEAKY_RELU} is
 * {@code leaky_relu}. The static helpers look a constant up by that name and list the names for
 * messages, once for every such enum.
 */
public interface JsonNamed {

    /** Implemented by every enum. */
    String name();

    default String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & JsonNamed> Optional<E> fromJsonName(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.jsonName().equals(name)).findFirst();
    }

    /** The names in declaration order, for a message: {@code "a, b or c"}. */
    static <E extends Enum<E> & JsonNamed> String choices(Class<E> type) {
        String[] names = Arrays.stream(type.getEnumConstants()).map(JsonNamed::jsonName).toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or "
                + names[names.length - 1];
    }
}
