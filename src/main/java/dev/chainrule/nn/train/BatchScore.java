package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.kernel.HeapCopy;
import dev.chainrule.nn.kernel.HeapViews;

/**
 * The metric of one training batch, read from the network's outputs through views kept for the run
 * (the output arrays are the same every batch of a size), so scoring a batch allocates nothing:
 * correct predictions for classification, the sum of squared errors for regression.
 */
final class BatchScore {

    private final HeapViews views = new HeapViews();
    private double[] outputs = new double[0];
    private double[] targets = new double[0];

    double correct(INDArray output, OutputScore.IntLookup classOf) {
        outputs = grow(outputs, output);
        int length = read(output, outputs);
        return OutputScore.correct(outputs, length / (int) output.columns(), (int) output.columns(), classOf);
    }

    double squaredError(INDArray output, INDArray target) {
        outputs = grow(outputs, output);
        targets = grow(targets, target);
        read(output, outputs);
        int length = read(target, targets);
        return OutputScore.squaredError(outputs, targets, length);
    }

    private int read(INDArray array, double[] into) {
        int length = (int) array.length();
        if (HeapViews.owns(array)) {
            views.read(array, into, length);
        } else {
            System.arraycopy(HeapCopy.read(array), 0, into, 0, length);
        }
        return length;
    }

    private static double[] grow(double[] values, INDArray array) {
        return values.length >= array.length() ? values : new double[(int) array.length()];
    }
}
