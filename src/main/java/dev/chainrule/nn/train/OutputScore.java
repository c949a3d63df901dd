package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.HeapCopy;

/**
 * Accuracy and squared-error sums of network outputs. A class is the arg-max of the outputs, or
 * {@code output ≥ 0.5} for a single (sigmoid) output.
 */
final class OutputScore {

    private OutputScore() {
    }

    /** Correct predictions, {@code classOf[i]} being the true class of output row i. */
    static long correct(INDArray outputs, IntLookup classOf) {
        return correct(outputs, classOf, new double[Math.toIntExact(outputs.length())], null);
    }

    /** The same, reading the outputs into {@code values} (their length) with {@code floats} as scratch. */
    static long correct(INDArray outputs, IntLookup classOf, double[] values, float[] floats) {
        HeapCopy.read(outputs, values, floats);
        int columns = (int) outputs.columns();
        long correct = 0;
        for (int row = 0; row < values.length / columns; row++) {
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

    static double squaredError(INDArray outputs, INDArray targets) {
        return outputs.squaredDistance(targets);
    }

    @FunctionalInterface
    interface IntLookup {
        int at(int index);
    }
}
