package dev.chainrule.nn.train;

/** Splits rows into training and validation rows; the engine fills in the computation. */
public final class ValidationSplit {

    private ValidationSplit() {
    }

    public record Split(int[] train, int[] validation) {
    }

    public static Split split(int[] classIndicesOrNull, int rows, double fraction, long seed) {
        throw new IllegalStateException("splitting arrives with the engine");
    }
}
