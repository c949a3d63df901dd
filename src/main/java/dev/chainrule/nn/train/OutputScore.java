package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.HostMemory;

/**
 * Accuracy and squared-error sums of network outputs. A class is the arg-max of the outputs, or
 * {@code output ≥ 0.5} for a single (sigmoid) output.
 */
final class OutputScore {

    private OutputScore() {
    }

    /** Correct predictions, {@code classOf[i]} being the true class of output row i. */
    static long correct(INDArray outputs, IntLookup classOf) {
        if (outputs.columns() > 1 && HostMemory.readable(outputs)) {
            return correctByRowScan(outputs, classOf);
        }
        long correct = 0;
        if (outputs.columns() == 1) {
            double[] values = outputs.toDoubleVector();
            for (int i = 0; i < values.length; i++) {
                int predicted = values[i] >= 0.5 ? 1 : 0;
                correct += predicted == classOf.at(i) ? 1 : 0;
            }
            return correct;
        }
        try (INDArray argMax = Nd4j.argMax(outputs, 1)) {
            long[] predicted = argMax.toLongVector();
            for (int i = 0; i < predicted.length; i++) {
                correct += predicted[i] == classOf.at(i) ? 1 : 0;
            }
        }
        return correct;
    }

    /**
     * The arg-max (first of equal maxima, as {@code Nd4j.argMax}) read straight from memory: an
     * ND4J reduction plus its result array cost more than scanning the few outputs per row.
     */
    private static long correctByRowScan(INDArray outputs, IntLookup classOf) {
        HostMemory values = HostMemory.of(outputs);
        int rows = (int) outputs.rows();
        int columns = (int) outputs.columns();
        long correct = 0;
        for (int i = 0; i < rows; i++) {
            int best = 0;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < columns; j++) {
                double value = values.get(i * columns + j);
                if (value > bestValue) {
                    bestValue = value;
                    best = j;
                }
            }
            correct += best == classOf.at(i) ? 1 : 0;
        }
        return correct;
    }

    static double squaredError(INDArray outputs, INDArray targets) {
        return outputs.squaredDistance(targets);
    }

    @FunctionalInterface
    interface IntLookup {
        int at(int index);
    }
}
