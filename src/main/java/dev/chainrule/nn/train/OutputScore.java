package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Accuracy and squared-error sums of network outputs. A class is the arg-max of the outputs, or
 * {@code output ≥ 0.5} for a single (sigmoid) output.
 */
final class OutputScore {

    private OutputScore() {
    }

    /** Correct predictions, {@code classOf[i]} being the true class of output row i. */
    static long correct(INDArray outputs, IntLookup classOf) {
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

    static double squaredError(INDArray outputs, INDArray targets) {
        return outputs.squaredDistance(targets);
    }

    @FunctionalInterface
    interface IntLookup {
        int at(int index);
    }
}
