package dev.chainrule.nn;

import java.util.SplittableRandom;

/**
 * Initial weights drawn from the network's own generator, seeded with its seed (ND4J's global
 * generator is shared state and would make runs depend on each other); layers draw in order from
 * the one generator. Xavier: variance {@code 2/(fanIn + fanOut)}; He: {@code 2/fanIn}; the uniform
 * ranges have that variance. LeCun uniform / PyTorch's default: U(±1/√fanIn), variance {@code 1/(3·fanIn)}.
 */
final class WeightInitializer {

    private WeightInitializer() {
    }

    /** {@code fanIn·fanOut} values, row-major for a [fanIn, fanOut] matrix. */
    static double[] draw(WeightInit scheme, int fanIn, int fanOut, SplittableRandom random) {
        double variance = switch (scheme) {
            case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / (fanIn + fanOut);
            case HE_UNIFORM, HE_NORMAL -> 2.0 / fanIn;
            case LECUN_UNIFORM, TORCH_DEFAULT -> 1.0 / (3.0 * fanIn);
        };
        boolean uniform = scheme != WeightInit.XAVIER_NORMAL && scheme != WeightInit.HE_NORMAL;
        double limit = scheme.drawsBiases() ? 1 / Math.sqrt(fanIn) : Math.sqrt(3 * variance);
        double deviation = Math.sqrt(variance);
        double[] values = new double[fanIn * fanOut];
        for (int i = 0; i < values.length; i++) {
            values[i] = uniform ? random.nextDouble(-limit, limit) : random.nextGaussian() * deviation;
        }
        return values;
    }

    /** {@code units} biases from U(±1/√fanIn), for the schemes that draw biases. */
    static double[] drawBiases(int fanIn, int units, SplittableRandom random) {
        double limit = 1 / Math.sqrt(fanIn);
        double[] values = new double[units];
        for (int i = 0; i < units; i++) {
            values[i] = random.nextDouble(-limit, limit);
        }
        return values;
    }
}
