package dev.chainrule.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * A residual block: its inner layers' output plus its input, the input taken through a learned
 * projection {@code x·P + c} when the inner layers change the width.
 *
 * <pre>
 * forward    y     = inner(x) + skip(x)          skip(x) = x, or x·P + c
 * backward   dL/dx = inner'ᵀ(dL/dy) + skip'ᵀ(dL/dy)
 * </pre>
 *
 * The gradient reaching x is the sum over both paths: the skip path hands dL/dy down unchanged
 * (or through Pᵀ), which is what keeps the error signal from vanishing in a deep stack. The inner
 * layers declare their parameters first, then the projection, and {@link #forEachLayer} visits them
 * in that order.
 */
final class ResidualBlock implements Layer {

    private final String description;
    private final LayerSequence inner;
    private final DenseLayer projection;
    private final MatrixKernel matrix;
    private final BatchCache<Pass> passes;
    private Pass last;

    ResidualBlock(String description, LayerSequence inner, DenseLayer projection, Kernels kernels, DataType type) {
        this.description = description;
        this.inner = inner;
        this.projection = projection;
        this.matrix = kernels.matrix();
        int width = inner.outputs();
        int inputs = inner.inputs();
        this.passes = new BatchCache<>(rows -> new Pass(rows, inputs, width, type));
    }

    @Override
    public INDArray forward(INDArray x, long batchSeed) {
        Pass p = passes.forRows((int) x.rows());
        INDArray innerOut = inner.forward(x, batchSeed);
        INDArray skip = projection == null ? x : projection.forward(x, batchSeed);
        matrix.copy(innerOut, p.y);
        matrix.addScaled(1, skip, p.y);
        last = p;
        return p.y;
    }

    @Override
    public INDArray backward(INDArray dY, boolean inputGradientNeeded) {
        Pass p = last;
        // gradients that meet at x are summed: the inner path's and the skip path's
        INDArray throughInner = inner.backward(dY, inputGradientNeeded);
        INDArray throughSkip = projection == null ? dY : projection.backward(dY, inputGradientNeeded);
        if (!inputGradientNeeded) {
            return null;
        }
        matrix.copy(throughInner, p.dX);
        matrix.addScaled(1, throughSkip, p.dX);
        return p.dX;
    }

    @Override
    public INDArray infer(INDArray x) {
        INDArray y = inner.infer(x);
        if (y == x) {
            y = x.dup();
        }
        if (projection == null) {
            y.addi(x);
        } else {
            try (INDArray skip = projection.infer(x)) {
                y.addi(skip);
            }
        }
        return y;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(inner.parameters());
        if (projection != null) {
            all.addAll(projection.parameters());
        }
        return all;
    }

    @Override
    public void forEachLayer(Consumer<Layer> visitor) {
        inner.forEachLayer(visitor);
        if (projection != null) {
            visitor.accept(projection);
        }
    }

    /** The block reports through its inner layers and its projection ({@link #forEachLayer}). */
    @Override
    public LayerPass lastPass() {
        throw new UnsupportedOperationException("a residual block reports through its layers");
    }

    /** The block's output {@code inner(x) + skip(x)} of the last training pass. */
    INDArray lastOutput() {
        return last == null ? null : last.y;
    }

    @Override
    public int inputs() {
        return inner.inputs();
    }

    @Override
    public int outputs() {
        return inner.outputs();
    }

    @Override
    public String describe() {
        return description;
    }

    private static final class Pass {
        final INDArray y;
        final INDArray dX;

        Pass(int rows, int inputs, int width, DataType type) {
            y = Nd4j.create(type, rows, width);
            dX = Nd4j.create(type, rows, inputs);
        }
    }
}
