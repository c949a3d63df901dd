package dev.chainrule.nn.train;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs, and the metrics that show imbalance, as scikit-learn
 * defines them: balanced accuracy is the mean recall over the classes that occur; macro F1 the mean F1
 * over the classes that occur or are predicted (F1 is 0 for a class never predicted right).
 */
public record ConfusionMatrix(int[][] counts) {

    public static ConfusionMatrix of(int[] actual, int[] predicted, int classes) {
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /**
     * The class each output row predicts: the largest output, or for a single (sigmoid) output class 1
     * from 0.5 on.
     */
    public static int[] predictedClasses(double[][] outputs) {
        int[] classes = new int[outputs.length];
        for (int i = 0; i < outputs.length; i++) {
            double[] row = outputs[i];
            if (row.length == 1) {
                classes[i] = row[0] >= 0.5 ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int k = 1; k < row.length; k++) {
                if (row[k] > row[best]) {
                    best = k;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    public double recall(int k) {
        int actual = Arrays.stream(counts[k]).sum();
        return actual == 0 ? Double.NaN : counts[k][k] / (double) actual;
    }

    public double balancedAccuracy() {
        return Arrays.stream(classIndices()).filter(k -> rowSum(k) > 0).mapToDouble(this::recall).average().orElse(Double.NaN);
    }

    public double macroF1() {
        return Arrays.stream(classIndices()).filter(k -> rowSum(k) > 0 || columnSum(k) > 0).mapToDouble(this::f1)
                .average().orElse(Double.NaN);
    }

    private double f1(int k) {
        int truePositives = counts[k][k];
        int denominator = rowSum(k) + columnSum(k);
        return denominator == 0 ? 0 : 2.0 * truePositives / denominator;
    }

    private int rowSum(int k) {
        return Arrays.stream(counts[k]).sum();
    }

    private int columnSum(int k) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[k];
        }
        return sum;
    }

    private int[] classIndices() {
        int[] indices = new int[counts.length];
        Arrays.setAll(indices, k -> k);
        return indices;
    }
}
