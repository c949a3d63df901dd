package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Encoded examples: {@code features} [n, inputs]; {@code targets} [n, outputs] (one-hot rows for
 * cross-entropy, 0/1 for binary cross-entropy, values for regression). {@code classIndices} holds
 * each row's class for classification (stratified splits, accuracy) and is null for regression.
 */
public record LabeledData(INDArray features, INDArray targets, int[] classIndices) {

    public long rows() {
        return features.rows();
    }

    public boolean isClassification() {
        return classIndices != null;
    }
}
