package dev.chainrule.encoding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.chainrule.dataset.Cells;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;

/**
 * Turns raw client instances (as Jackson reads them: lists, maps, numbers, strings, null) into encoded
 * rows. Every fault is collected with its JSON pointer so one response names them all.
 *
 * <p>Values are taken as a CSV holds them: a numeric column reads numbers and numeric strings
 * ({@code "5.1"}); JSON {@code null} and the importer's missing-value tokens ({@code ""}, {@code ?},
 * {@code NA}, {@code NaN}, see {@link Cells}) are a missing value: numeric columns impute the training
 * mean, categorical ones take the missing category. A column left out of an object is an error instead,
 * because a forgotten key is far more often a typo than a deliberate gap.
 *
 * <p>Rows of a CSV body ({@link #encodeRows}) are read by the same rules; their faults name the row
 * (data rows count from 1) and the column instead of a JSON pointer.
 */
final class InstanceEncoder {

    /** Enough to locate the faults without turning one bad batch into a megabyte of errors. */
    private static final int MAX_REPORTED_ERRORS = 50;

    private final List<FeatureEncoding> features;
    private final int width;
    private final List<Fault> errors = new ArrayList<>();

    InstanceEncoder(List<FeatureEncoding> features, int width) {
        this.features = features;
        this.width = width;
    }

    double[] encode(List<?> instances) {
        if (instances == null || instances.isEmpty()) {
            throw malformed("/instances", "'instances' must hold at least one instance.");
        }
        double[] out = new double[instances.size() * width];
        for (int i = 0; i < instances.size(); i++) {
            Object instance = instances.get(i);
            if (instance instanceof List<?> values) {
                encodePositional(i, values, out);
            } else if (instance instanceof Map<?, ?> byName) {
                encodeByName(i, byName, out);
            } else {
                throw malformed("/instances/" + i, "Instance " + i
                        + " must be an array of values in column order or an object keyed by column name.");
            }
        }
        return checked(out);
    }

    /**
     * The rows of a CSV whose header names the model's feature columns, in any order. A header
     * that lacks a column or names an unknown one is refused before any row is read.
     */
    double[] encodeRows(List<String> header, List<List<String>> rows) {
        List<String> names = names();
        for (String column : header) {
            if (!names.contains(column)) {
                errors.add(Fault.atColumn(column, "Unknown column '" + column + "'; the model's columns are "
                        + names + "."));
            }
        }
        for (String name : names) {
            if (!header.contains(name)) {
                errors.add(Fault.atColumn(name, "The header lacks column '" + name + "' (leave a field empty for a "
                        + "missing value)."));
            }
        }
        checked(null);
        double[] out = new double[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            long row = i + 1L;
            int offset = i * width;
            for (FeatureEncoding feature : features) {
                String column = feature.name();
                String value = rows.get(i).get(header.indexOf(column));
                write(feature, value, message -> Fault.atCell(row, column, "Row " + row + ": " + message), out, offset);
                offset += feature.width();
            }
        }
        return checked(out);
    }

    private double[] checked(double[] out) {
        if (!errors.isEmpty()) {
            List<Fault> reported = errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS));
            throw new InvalidInputException("invalid-instances", "Invalid instances",
                    errors.size() == 1 ? errors.get(0).message() : errors.size() + " values of the instances are invalid.",
                    reported);
        }
        return out;
    }

    private void encodePositional(int i, List<?> values, double[] out) {
        if (values.size() != features.size()) {
            errors.add(Fault.atPointer("/instances/" + i, "Instance " + i + " has " + values.size()
                    + " values; the model expects " + features.size() + " in the order " + names() + "."));
            return;
        }
        int offset = i * width;
        for (int j = 0; j < features.size(); j++) {
            String pointer = "/instances/" + i + "/" + j;
            write(features.get(j), values.get(j), message -> Fault.atPointer(pointer, message), out, offset);
            offset += features.get(j).width();
        }
    }

    private void encodeByName(int i, Map<?, ?> byName, double[] out) {
        List<String> names = names();
        for (Object key : byName.keySet()) {
            if (!names.contains(String.valueOf(key))) {
                errors.add(Fault.atPointer(pointer(i, String.valueOf(key)), "Unknown column '" + key
                        + "'; the model's columns are " + names + "."));
            }
        }
        int offset = i * width;
        for (FeatureEncoding feature : features) {
            if (!byName.containsKey(feature.name())) {
                errors.add(Fault.atPointer(pointer(i, feature.name()), "Instance " + i
                        + " lacks column '" + feature.name() + "' (send null for a missing value)."));
            } else {
                String pointer = pointer(i, feature.name());
                write(feature, byName.get(feature.name()), message -> Fault.atPointer(pointer, message), out, offset);
            }
            offset += feature.width();
        }
    }

    private void write(FeatureEncoding feature, Object raw, Function<String, Fault> at, double[] out, int offset) {
        if (feature instanceof FeatureEncoding.Numeric numeric) {
            double value = numberOf(raw);
            if (Double.isNaN(value) && !isMissing(raw)) {
                errors.add(at.apply("Column '" + feature.name() + "' is numeric; expected a number, a numeric string "
                        + "or a missing value (null, \"\", ?, NA, NaN), got " + describe(raw) + "."));
            } else {
                out[offset] = numeric.encode(value);
            }
            return;
        }
        FeatureEncoding.Categorical categorical = (FeatureEncoding.Categorical) feature;
        String category = categoryOf(raw);
        if (category == null) {
            errors.add(at.apply("Column '" + feature.name()
                    + "' is categorical; expected a string, number, boolean or null, got " + describe(raw) + "."));
            return;
        }
        int hot = categorical.indexOf(category);
        if (hot < 0 && raw instanceof Number) {
            hot = categorical.indexOf(raw.toString());
        }
        if (hot >= 0) {
            out[offset + hot] = 1.0;
        }
    }

    /** A number, or a numeric string read as the importer reads a field (float32); NaN for anything else. */
    private static double numberOf(Object raw) {
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        if (raw instanceof String text) {
            return Cells.parseNumber(Cells.trim(text));
        }
        return Double.NaN;
    }

    private static boolean isMissing(Object raw) {
        return raw == null || raw instanceof String text && Cells.isMissing(Cells.trim(text));
    }

    /** The category a JSON scalar names; numbers are written as a CSV would hold them ({@code 3}, {@code 2.5}). */
    private static String categoryOf(Object raw) {
        if (raw == null) {
            return FeatureColumn.Categorical.MISSING;
        }
        if (raw instanceof String text) {
            String value = Cells.trim(text);
            return Cells.isMissing(value) ? FeatureColumn.Categorical.MISSING : value;
        }
        if (raw instanceof Boolean) {
            return raw.toString();
        }
        if (raw instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        return null;
    }

    private static String describe(Object raw) {
        if (raw instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (raw instanceof List<?>) {
            return "an array";
        }
        if (raw instanceof Map<?, ?>) {
            return "an object";
        }
        return raw.getClass().getSimpleName().toLowerCase() + " " + raw;
    }

    private List<String> names() {
        return features.stream().map(FeatureEncoding::name).toList();
    }

    private static String pointer(int i, String column) {
        return "/instances/" + i + "/" + column.replace("~", "~0").replace("/", "~1");
    }

    private static MalformedInputException malformed(String pointer, String message) {
        return new MalformedInputException("invalid-instances", "Invalid instances", message,
                List.of(Fault.atPointer(pointer, message)));
    }
}
