package dev.chainrule.bench;

/**
 * One thing to measure: an MLP (layer widths from input to output, ReLU hidden layers, softmax
 * output with cross-entropy), a batch size, an optimizer and the data. A round is
 * {@code epochsPerRound} passes over the data; samples/s are reported per round, so that a small data
 * set still gives rounds long enough to time.
 */
record Workload(String name, int[] widths, int batchSize, Optimizer optimizer, BenchData data, int epochsPerRound) {

    enum Optimizer {
        SGD(0.01), ADAM(1e-3);

        final double learningRate;

        Optimizer(double learningRate) {
            this.learningRate = learningRate;
        }
    }

    long samplesPerRound() {
        return (long) data.rows() * epochsPerRound;
    }

    int batchesPerEpoch() {
        return (data.rows() + batchSize - 1) / batchSize;
    }
}
