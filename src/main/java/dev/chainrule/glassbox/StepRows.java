package dev.chainrule.glassbox;

import java.util.List;

import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

/** Inline rows of a step read as numbers: each instance an array, each target a number or an array. */
final class StepRows {

    private StepRows() {
    }

    /** {@code [rows][width]} from a list of arrays of numbers; every fault named by its pointer. */
    static double[][] matrix(List<Object> rows, String pointer, boolean scalarsAllowed) {
        double[][] values = new double[rows.size()][];
        for (int i = 0; i < values.length; i++) {
            Object row = rows.get(i);
            if (scalarsAllowed && row instanceof Number number) {
                values[i] = new double[] {number.doubleValue()};
            } else if (row instanceof List<?> list) {
                values[i] = numbers(list, pointer + "/" + i);
            } else {
                throw invalid(pointer + "/" + i, "Row " + i + " must be an array of numbers"
                        + (scalarsAllowed ? " or a number" : "") + ".");
            }
            if (values[i].length == 0 || values[i].length != values[0].length) {
                throw invalid(pointer + "/" + i, "Row " + i + " has " + values[i].length + " values; every row needs "
                        + values[0].length + " and at least one.");
            }
        }
        return values;
    }

    private static double[] numbers(List<?> list, String pointer) {
        double[] values = new double[list.size()];
        for (int j = 0; j < values.length; j++) {
            if (!(list.get(j) instanceof Number number) || !Double.isFinite(number.doubleValue())) {
                throw invalid(pointer + "/" + j, "Value " + list.get(j) + " is not a finite number.");
            }
            values[j] = number.doubleValue();
        }
        return values;
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException("invalid-rows", "Invalid rows", message,
                List.of(Fault.atPointer(pointer, message)));
    }
}
