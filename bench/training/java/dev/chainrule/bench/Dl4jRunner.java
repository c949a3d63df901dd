package dev.chainrule.bench;

import java.util.ArrayList;
import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J's {@code MultiLayerNetwork} with the same layers, loss, updater (PyTorch's defaults), float32
 * and no regularisation. Its batches are cut once, in order, before timing: DL4J gets neither the
 * shuffling nor the row gathering that our trainer does in every epoch.
 */
final class Dl4jRunner implements EngineRunner {

    @Override
    public String name() {
        return "DL4J";
    }

    @Override
    public Measurement train(Workload workload, int warmupRounds, int timedRounds) {
        MultiLayerNetwork network = network(workload);
        List<DataSet> batches = batches(workload.data(), workload.batchSize());
        AllocationMeter meter = new AllocationMeter();
        Measurement.Rounds rounds = new Measurement.Rounds();
        for (int round = 0; round < warmupRounds + timedRounds; round++) {
            boolean timed = round >= warmupRounds;
            Stopwatch stopwatch = new Stopwatch();
            for (int epoch = 0; epoch < workload.epochsPerRound(); epoch++) {
                for (DataSet batch : batches) {
                    network.fit(batch);
                    meter.mark(timed);
                }
            }
            Stopwatch.Lap lap = stopwatch.lap();
            if (timed) {
                rounds.add(workload.samplesPerRound(), lap);
            }
        }
        return rounds.measurement(meter);
    }

    @Override
    public Measurement infer(Workload workload, int batch, int warmupRounds, int timedRounds, long callsPerRound) {
        MultiLayerNetwork network = network(workload);
        INDArray x = workload.data().features().get(NDArrayIndex.interval(0, batch)).dup('c');
        return Inference.time(batch, warmupRounds, timedRounds, callsPerRound, () -> network.output(x, false).close());
    }

    private static MultiLayerNetwork network(Workload workload) {
        int[] widths = workload.widths();
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(42)
                .dataType(DataType.FLOAT)
                .updater(updater(workload))
                .weightInit(WeightInit.RELU)
                .list();
        for (int i = 1; i < widths.length - 1; i++) {
            layers.layer(new DenseLayer.Builder().nIn(widths[i - 1]).nOut(widths[i]).activation(Activation.RELU).build());
        }
        int last = widths.length - 1;
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(widths[last - 1]).nOut(widths[last]).activation(Activation.SOFTMAX).build());
        MultiLayerConfiguration configuration = layers.build();
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }

    private static IUpdater updater(Workload workload) {
        double lr = workload.optimizer().learningRate;
        return switch (workload.optimizer()) {
            case SGD -> new Sgd(lr);
            case ADAM -> new Adam(lr, 0.9, 0.999, 1e-8);
        };
    }

    private static List<DataSet> batches(BenchData data, int batchSize) {
        List<DataSet> batches = new ArrayList<>();
        for (int from = 0; from < data.rows(); from += batchSize) {
            int to = Math.min(from + batchSize, data.rows());
            batches.add(new DataSet(data.features().get(NDArrayIndex.interval(from, to)).dup('c'),
                    data.targets().get(NDArrayIndex.interval(from, to)).dup('c')));
        }
        return batches;
    }
}
