package dev.chainrule.nn;

import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws initial weights layer by layer from one generator seeded with the network's seed (ND4J's
 * global generator is shared state and would make runs depend on each other). Biases stay zero.
 * Xavier: variance {@code 2/(fanIn + fanOut)}; He: {@code 2/fanIn}; uniform ranges have that variance.
 */
final class WeightInitializer {

    private WeightInitializer() {
    }

    static void initialize(WeightInit scheme, List<DenseLayer> layers, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (DenseLayer layer : layers) {
            double[] values = draw(scheme, layer.inputs(), layer.outputs(), random);
            try (INDArray drawn = Nd4j.createFromArray(values)) {
                layer.weights().assign(drawn.reshape(layer.inputs(), layer.outputs()));
            }
        }
    }

    private static double[] draw(WeightInit scheme, int fanIn, int fanOut, SplittableRandom random) {
        double variance = switch (scheme) {
            case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / (fanIn + fanOut);
            case HE_UNIFORM, HE_NORMAL -> 2.0 / fanIn;
        };
        boolean uniform = scheme == WeightInit.XAVIER_UNIFORM || scheme == WeightInit.HE_UNIFORM;
        double limit = Math.sqrt(3 * variance);
        double deviation = Math.sqrt(variance);
        double[] values = new double[fanIn * fanOut];
        for (int i = 0; i < values.length; i++) {
            values[i] = uniform ? random.nextDouble(-limit, limit) : random.nextGaussian() * deviation;
        }
        return values;
    }
}
