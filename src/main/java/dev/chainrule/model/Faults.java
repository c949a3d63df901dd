package dev.chainrule.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.nn.JsonNamed;

/** Collects every fault of one model definition, so that a single 422 names them all. */
final class Faults {

    /** Enough to fix a definition; a parameter matrix of the wrong width would otherwise list every row. */
    private static final int MAX_REPORTED = 50;

    private final List<Fault> errors = new ArrayList<>();
    private int count;

    void add(String pointer, String message) {
        count++;
        if (errors.size() < MAX_REPORTED) {
            errors.add(Fault.atPointer(pointer, message));
        }
    }

    int count() {
        return count;
    }

    void throwIfAny() {
        if (count > 0) {
            throw new InvalidInputException("invalid-model", "Invalid model definition",
                    count == 1 ? errors.get(0).message() : "The model definition has " + count + " faults.", errors);
        }
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
