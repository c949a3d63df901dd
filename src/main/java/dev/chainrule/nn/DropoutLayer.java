package dev.chainrule.nn;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: while training, each unit is kept with probability {@code 1 − rate} and scaled by
 * {@code 1/(1 − rate)}; at inference it is the identity. Masks come from a generator seeded per
 * batch by the caller, never from ND4J's global one, so a run (and a resumed run) is reproducible.
 */
final class DropoutLayer implements Layer {

    private final int index;
    private final int width;
    private final double rate;
    private final BatchCache<Buffers> buffers;

    private Buffers current;

    DropoutLayer(int index, int width, double rate, DataType type) {
        this.index = index;
        this.width = width;
        this.rate = rate;
        this.buffers = new BatchCache<>(rows -> new Buffers(rows, width, type));
    }

    @Override
    public int inputs() {
        return width;
    }

    @Override
    public int outputs() {
        return width;
    }

    @Override
    public String describe() {
        return "layer " + (index + 1) + " (dropout " + rate + ")";
    }

    @Override
    public INDArray forward(INDArray input, boolean training, long dropoutSeed) {
        if (!training || rate == 0) {
            current = null;
            return input;
        }
        current = buffers.forRows((int) input.rows());
        fillMask(current, new SplittableRandom(Seeds.mix(dropoutSeed, index)));
        return current.output.assign(input).muli(current.mask);
    }

    private void fillMask(Buffers target, SplittableRandom random) {
        double keep = 1 - rate;
        double scale = 1 / keep;
        double[] values = target.values;
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < keep ? scale : 0.0;
        }
        try (INDArray fresh = Nd4j.createFromArray(values)) {
            target.mask.assign(fresh.reshape(target.mask.shape()));
        }
    }

    @Override
    public INDArray backward(INDArray outputGradient, boolean inputGradientNeeded) {
        if (!inputGradientNeeded) {
            return null;
        }
        return current == null ? outputGradient : outputGradient.muli(current.mask);
    }

    @Override
    public INDArray infer(INDArray input) {
        return input;
    }

    private static final class Buffers {
        final double[] values;
        final INDArray mask;
        final INDArray output;

        Buffers(int rows, int width, DataType type) {
            values = new double[rows * width];
            mask = Nd4j.create(type, rows, width);
            output = Nd4j.create(type, rows, width);
        }
    }
}
