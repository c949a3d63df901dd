package dev.chainrule.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.chainrule.serving.KServeTypes.RequestInput;

/** Shapes and elements of request tensors: the checks every input needs, whatever it holds. */
final class Tensors {

    private Tensors() {
    }

    static void requireNamed(RequestInput input) {
        if (input == null || input.name() == null) {
            throw KServeException.badRequest("Every input needs a 'name'.");
        }
    }

    /** The rows of a column tensor, shape [N] or [N, 1]. */
    static int batchOfColumn(RequestInput input, int maxInstances) {
        List<Long> shape = input.shape();
        if (shape == null || shape.isEmpty() || shape.size() > 2 || (shape.size() == 2 && shape.get(1) != 1)) {
            throw KServeException.badRequest("Input '" + input.name() + "' is one column: shape [N] or [N, 1], got "
                    + shape + ".");
        }
        return batch(shape.get(0), maxInstances);
    }

    static int batch(Long rows, int maxInstances) {
        if (rows == null || rows < 1) {
            throw KServeException.badRequest("The batch dimension must be at least 1, got " + rows + ".");
        }
        if (rows > maxInstances) {
            throw KServeException.badRequest("At most " + maxInstances + " rows per request, got " + rows
                    + "; split them into several requests.");
        }
        return rows.intValue();
    }

    /** The tensor's elements in row-major order, whether {@code data} is flat or nested. */
    static List<Object> elements(RequestInput input, int expected) {
        if (!(input.data() instanceof List<?> data)) {
            throw KServeException.badRequest("Input '" + input.name() + "' needs 'data': an array of its elements.");
        }
        List<Object> flat = new ArrayList<>(Math.min(expected, 1 << 16));
        flatten(data, flat);
        if (flat.size() != expected) {
            throw KServeException.badRequest("Input '" + input.name() + "' has shape " + input.shape() + " ("
                    + expected + " elements) but 'data' holds " + flat.size() + ".");
        }
        return flat;
    }

    private static void flatten(List<?> data, List<Object> into) {
        for (Object element : data) {
            if (element instanceof List<?> nested) {
                flatten(nested, into);
            } else {
                into.add(element);
            }
        }
    }

    static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        return String.valueOf(value);
    }
}
