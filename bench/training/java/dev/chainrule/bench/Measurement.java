package dev.chainrule.bench;

import java.util.Arrays;

/** Samples per second of each timed round, and what one batch allocated in the steady state. */
record Measurement(double[] samplesPerSecond, double heapBytesPerBatch, double offHeapBytesPerBatch) {

    static Measurement of(double[] samplesPerSecond) {
        return new Measurement(samplesPerSecond, Double.NaN, Double.NaN);
    }

    double median() {
        double[] sorted = sorted();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return sorted()[0];
    }

    double max() {
        return sorted()[samplesPerSecond.length - 1];
    }

    private double[] sorted() {
        double[] copy = samplesPerSecond.clone();
        Arrays.sort(copy);
        return copy;
    }
}
