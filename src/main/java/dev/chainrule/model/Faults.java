package dev.chainrule.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.chainrule.fault.FaultCollector;
import dev.chainrule.nn.JsonNamed;

/** Collects every fault of one model definition, so that a single 422 names them all. */
final class Faults {

    private final FaultCollector collector =
            new FaultCollector("invalid-model", "Invalid model definition", "The model definition");

    void add(String pointer, String message) {
        collector.add(pointer, message);
    }

    int count() {
        return collector.count();
    }

    void throwIfAny() {
        collector.throwIfAny();
    }

    /**
     * The whole number in {@code value} within [min, max], or null after recording why not. JSON allows
     * {@code 16.0} for 16; {@code 16.5} is a fault, not something to round.
     */
    Long wholeNumber(Number value, String pointer, String what, long min, long max) {
        Long whole = asLong(value);
        if (whole == null) {
            add(pointer, what + " must be a whole number, got " + value + ".");
        } else if (whole < min || whole > max) {
            add(pointer, what + " must be between " + min + " and " + max + ", got " + whole + ".");
            return null;
        }
        return whole;
    }

    /** The constant {@code name} stands for, or null after recording that it is missing or unknown. */
    <E extends Enum<E> & JsonNamed> E named(String name, String at, String what, Class<E> type) {
        if (name == null) {
            add(at, "'" + at.substring(at.lastIndexOf('/') + 1) + "' is required.");
            return null;
        }
        return JsonNamed.fromJsonName(type, name).orElseGet(() -> {
            add(at, "Unknown " + what + " '" + name + "'; known: "
                    + Arrays.stream(type.getEnumConstants()).map(JsonNamed::jsonName).collect(Collectors.joining(", "))
                    + ".");
            return null;
        });
    }

    private static Long asLong(Number value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.longValue();
        }
        try {
            BigDecimal exact = value instanceof BigDecimal big ? big
                    : value instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(value.toString());
            return exact.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }
}
