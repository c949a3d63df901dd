package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.kernel.HeapCopy;

/**
 * Accuracy and squared-error sums of network outputs. A class is the arg-max of the outputs, or
 * {@code output ≥ 0.5} for a single (sigmoid) output.
 */
final class OutputScore {

    private OutputScore() {
    }

    /** Correct predictions, {@code classOf[i]} being the true class of output row i. */
    static long correct(INDArray outputs, IntLookup classOf) {
        return correct(HeapCopy.read(outputs), (int) outputs.rows(), (int) outputs.columns(), classOf);
    }

    /** The same over {@code rows × columns} outputs already read, row-major, into {@code values}. */
    static long correct(double[] values, int rows, int columns, IntLookup classOf) {
        long correct = 0;
        for (int row = 0; row < rows; row++) {
            correct += predictedClass(values, row * columns, columns) == classOf.at(row) ? 1 : 0;
        }
        return correct;
    }

    private static int predictedClass(double[] values, int from, int columns) {
        if (columns == 1) {
            return values[from] >= 0.5 ? 1 : 0;
        }
        int best = 0;
        for (int j = 1; j < columns; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /** {@code Σ (output − target)²} over every value. */
    static double squaredError(INDArray outputs, INDArray targets) {
        double[] a = HeapCopy.read(outputs);
        return squaredError(a, HeapCopy.read(targets), a.length);
    }

    /** The same over the first {@code length} values already read into {@code a} and {@code y}. */
    static double squaredError(double[] a, double[] y, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            double d = a[i] - y[i];
            sum += d * d;
        }
        return sum;
    }

    @FunctionalInterface
    interface IntLookup {
        int at(int index);
    }
}
