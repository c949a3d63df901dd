package dev.chainrule.nn;

import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * Inverted dropout: while training each unit is kept with probability {@code 1 − rate} and scaled
 * by {@code 1/(1 − rate)}, at inference it is the identity.
 *
 * <pre>
 * forward    a     = x ⊙ mask        mask = 1/(1 − rate) with probability 1 − rate, else 0
 * backward   dL/dx = dL/da ⊙ mask
 * </pre>
 *
 * Masks come from a generator seeded per batch and layer by the caller, never from ND4J's global
 * one, so a run (and a resumed run) is reproducible.
 */
final class DropoutLayer implements Layer {

    private final String description;
    private final int index;
    private final int width;
    private final double rate;
    private final MatrixKernel matrix;
    private final BatchCache<Pass> passes;
    private Pass last;

    DropoutLayer(int index, int width, double rate, Kernels kernels, DataType type) {
        this("layer " + (index + 1) + " (dropout " + rate + ")", index, width, rate, kernels, type);
    }

    /** {@code seedIndex} tells this layer's masks apart from every other dropout layer's of the network. */
    DropoutLayer(String description, int seedIndex, int width, double rate, Kernels kernels, DataType type) {
        this.description = description;
        this.index = seedIndex;
        this.width = width;
        this.rate = rate;
        this.matrix = kernels.matrix();
        this.passes = new BatchCache<>(rows -> new Pass(rows, width, type));
    }

    @Override
    public INDArray forward(INDArray x, long batchSeed) {
        if (rate == 0) {
            last = null;
            return x;
        }
        Pass p = passes.forRows((int) x.rows());
        p.x = x;
        fillMask(p.maskValues, new SplittableRandom(Seeds.mix(batchSeed, index)));
        matrix.write(p.maskValues, p.mask);
        matrix.multiplyElements(x, p.mask, p.a);
        last = p;
        return p.a;
    }

    private void fillMask(double[] values, SplittableRandom random) {
        double keep = 1 - rate;
        double scale = 1 / keep;
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < keep ? scale : 0.0;
        }
    }

    @Override
    public INDArray backward(INDArray dA, boolean inputGradientNeeded) {
        Pass p = last;
        if (p == null) {
            return inputGradientNeeded ? dA : null;
        }
        p.dA = dA;
        p.dX = null;
        if (inputGradientNeeded) {
            matrix.multiplyElements(dA, p.mask, p.ownDX);
            p.dX = p.ownDX;
        }
        return p.dX;
    }

    @Override
    public INDArray infer(INDArray x) {
        return x;
    }

    @Override
    public LayerPass lastPass() {
        Pass p = last;
        return p == null ? new LayerPass(describe(), null, null, null, null, null, null, parameters())
                : new LayerPass(describe(), p.x, null, p.a, p.dA, null, p.dX, parameters());
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
        return description;
    }

    /** One batch size's mask and arrays, and what the last pass through them was given. */
    private static final class Pass {
        final double[] maskValues;
        final INDArray mask;
        final INDArray a;
        final INDArray ownDX;
        INDArray x;
        INDArray dA;
        INDArray dX;

        Pass(int rows, int width, DataType type) {
            maskValues = new double[rows * width];
            mask = Nd4j.create(type, rows, width);
            a = Nd4j.create(type, rows, width);
            ownDX = Nd4j.create(type, rows, width);
        }
    }
}
