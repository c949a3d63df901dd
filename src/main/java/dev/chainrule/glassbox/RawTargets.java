package dev.chainrule.glassbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import dev.chainrule.encoding.TargetEncoding;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;

/**
 * Inline targets of a step as raw values, encoded as a job encodes its dataset's target: a class
 * label for a classification target (one-hot, or 0/1 for a binary one), a number for one regression
 * target (standardised when the encoding says so), and for several an array in their order or an
 * object by name. Every fault is named by its pointer under {@code /targets}.
 */
final class RawTargets {

    private RawTargets() {
    }

    static double[][] encode(TargetEncoding target, List<Object> targets) {
        double[][] rows = new double[targets.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[target.width()];
            Object raw = targets.get(i);
            String pointer = "/targets/" + i;
            if (target instanceof TargetEncoding.Value value) {
                rows[i][0] = value.encode(number(raw, pointer));
            } else if (target instanceof TargetEncoding.Values values) {
                encodeValues(values, raw, pointer, rows[i]);
            } else {
                target.encodeClass(classIndex(target.classes(), raw, pointer), rows[i], 0);
            }
        }
        return rows;
    }

    private static void encodeValues(TargetEncoding.Values values, Object raw, String pointer, double[] out) {
        List<String> names = values.names();
        if (raw instanceof List<?> list && list.size() == names.size()) {
            for (int t = 0; t < out.length; t++) {
                out[t] = values.each().get(t).encode(number(list.get(t), pointer + "/" + t));
            }
        } else if (raw instanceof Map<?, ?> map && map.keySet().equals(new HashSet<>(names))) {
            for (int t = 0; t < out.length; t++) {
                out[t] = values.each().get(t).encode(number(map.get(names.get(t)), pointer + "/" + names.get(t)));
            }
        } else {
            throw invalid(pointer, "Target " + pointer.substring("/targets/".length()) + " needs the " + names.size()
                    + " target values " + names + ", as an array in that order or an object by name.");
        }
    }

    private static int classIndex(List<String> classes, Object raw, String pointer) {
        String label = raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && !Double.isInfinite(n.doubleValue()) ? Long.toString(n.longValue())
                : raw instanceof String || raw instanceof Number ? raw.toString() : null;
        int index = label == null ? -1 : classes.indexOf(label);
        if (index < 0) {
            throw invalid(pointer, "Target " + describe(raw) + " is not one of the classes " + quoted(classes) + ".");
        }
        return index;
    }

    private static double number(Object raw, String pointer) {
        if (raw instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw invalid(pointer, "Target value " + describe(raw) + " is not a finite number.");
    }

    private static String describe(Object raw) {
        return raw instanceof String s ? "'" + s + "'" : String.valueOf(raw);
    }

    private static List<String> quoted(List<String> classes) {
        List<String> out = new ArrayList<>();
        classes.forEach(c -> out.add("'" + c + "'"));
        return out;
    }

    private static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException("invalid-rows", "Invalid rows", message,
                List.of(Fault.atPointer(pointer, message)));
    }
}
