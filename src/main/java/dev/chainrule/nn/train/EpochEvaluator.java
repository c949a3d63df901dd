package dev.chainrule.nn.train;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.Network;

/** Loss and accuracy (or RMSE) of the network on a held-out set, with dropout off. */
final class EpochEvaluator {

    private final Network network;
    private final boolean classification;

    EpochEvaluator(Network network, boolean classification) {
        this.network = network;
        this.classification = classification;
    }

    record Result(double loss, double metric) {
    }

    Result evaluate(LabeledData data) {
        Network.Evaluation evaluation = network.evaluate(data.features(), data.targets());
        try (INDArray outputs = evaluation.outputs()) {
            double metric;
            if (classification) {
                int[] classes = data.classIndices();
                metric = OutputScore.correct(outputs, i -> classes[i]) / (double) data.rows();
            } else {
                INDArray targets = data.targets().dataType() == outputs.dataType()
                        ? data.targets() : data.targets().castTo(outputs.dataType());
                metric = Math.sqrt(OutputScore.squaredError(outputs, targets) / outputs.length());
            }
            return new Result(evaluation.loss(), metric);
        }
    }
}
