package dev.chainrule.dataset;

/**
 * How one CSV field is read (by the importer, and by predictions for the values clients send): surrounding whitespace is ignored, {@code ""}, {@code ?}, {@code NA}
 * and {@code NaN} mean missing, and a number is a plain decimal ({@code -1.5}, {@code 2e-3}), never
 * Java's extras such as {@code 0x1p3}, {@code 1d} or {@code Infinity}.
 */
public final class Cells {

    /** What the UTF-8 decoder puts in place of bytes that are not UTF-8. */
    static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private static final float[] POWERS_OF_TEN = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f, 1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    private static final long EXACT_FLOAT_MANTISSA = 1L << 24;

    private Cells() {
    }

    public static String trim(String field) {
        int length = field.length();
        if (length == 0 || (field.charAt(0) > ' ' && field.charAt(length - 1) > ' ')) {
            return field;
        }
        return field.strip();
    }

    /** @param value a trimmed field */
    public static boolean isMissing(String value) {
        return switch (value.length()) {
            case 0 -> true;
            case 1 -> value.charAt(0) == '?';
            case 2 -> value.equals("NA");
            case 3 -> value.equals("NaN");
            default -> false;
        };
    }

    /**
     * The value of a trimmed field as float32 (correctly rounded), or {@code NaN} when it is not a
     * plain decimal number or does not fit a float32. Most real values (up to 7 significant digits,
     * small exponents) take an exact fast path; the rest go through {@link Float#parseFloat}.
     */
    public static float parseNumber(String value) {
        int length = value.length();
        int i = 0;
        if (length == 0) {
            return Float.NaN;
        }
        char first = value.charAt(0);
        boolean negative = first == '-';
        if (negative || first == '+') {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int significant = 0;
        int fractionDigits = 0;
        boolean seenDot = false;
        for (; i < length; i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                if (significant <= 18) {
                    mantissa = mantissa * 10 + (c - '0');
                    if (seenDot) {
                        fractionDigits++;
                    }
                } else if (!seenDot) {
                    fractionDigits--;
                }
            } else if (c == '.' && !seenDot) {
                seenDot = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            return Float.NaN;
        }
        int exponent = 0;
        if (i < length) {
            char c = value.charAt(i);
            if (c != 'e' && c != 'E') {
                return Float.NaN;
            }
            i++;
            boolean negativeExponent = false;
            if (i < length && (value.charAt(i) == '-' || value.charAt(i) == '+')) {
                negativeExponent = value.charAt(i) == '-';
                i++;
            }
            int exponentDigits = 0;
            for (; i < length; i++) {
                c = value.charAt(i);
                if (c < '0' || c > '9') {
                    return Float.NaN;
                }
                exponentDigits++;
                exponent = Math.min(exponent * 10 + (c - '0'), 100_000);
            }
            if (exponentDigits == 0) {
                return Float.NaN;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        int scale = exponent - fractionDigits;
        float result;
        if (mantissa <= EXACT_FLOAT_MANTISSA && scale >= -10 && scale <= 10) {
            // Both operands are exact float32 values, so one IEEE operation rounds correctly.
            result = scale >= 0 ? mantissa * POWERS_OF_TEN[scale] : mantissa / POWERS_OF_TEN[-scale];
            return negative ? -result : result;
        }
        result = Float.parseFloat(value);
        return Float.isInfinite(result) ? Float.NaN : result;
    }
}
