package dev.chainrule.nn.kernel.fast;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.optim.FlatOptimizer;
import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's SGD (dampening 0): {@code buf = g} at the first step, then {@code buf = μ·buf + g};
 * {@code p −= lr·buf}, or {@code p −= lr·(g + μ·buf)} with Nesterov. Plain SGD keeps no buffer.
 * Weight decay is PyTorch's coupled {@code g += wd·p}. Every step is a few BLAS level-1 calls on
 * pointers kept for the run (ND4J's BLAS wrapper asks for them, and checks, on every call).
 */
final class BlasSgd extends FlatOptimizer {

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final INDArray velocity;
    private final Blas blas = new Blas();

    BlasSgd(OptimizerSpec.Sgd spec, long size, DataType dataType) {
        this.momentum = spec.momentum();
        this.nesterov = spec.nesterov();
        this.weightDecay = spec.weightDecay();
        this.velocity = momentum > 0 ? Nd4j.zeros(dataType, size) : null;
    }

    @Override
    protected void update(INDArray parameters, INDArray gradients, double learningRate, long t) {
        if (weightDecay != 0) {
            axpy(weightDecay, parameters, gradients);
        }
        if (velocity == null) {
            axpy(-learningRate, gradients, parameters);
            return;
        }
        if (t == 1) {
            if (!blas.copy(gradients, velocity)) {
                velocity.assign(gradients);
            }
        } else {
            if (!blas.scal(momentum, velocity)) {
                velocity.muli(momentum);
            }
            axpy(1, gradients, velocity);
        }
        if (nesterov) {
            axpy(momentum, velocity, gradients);
            axpy(-learningRate, gradients, parameters);
        } else {
            axpy(-learningRate, velocity, parameters);
        }
    }

    private void axpy(double alpha, INDArray x, INDArray y) {
        if (!blas.axpy(alpha, x, y)) {
            Nd4j.getBlasWrapper().level1().axpy(x.length(), alpha, x, y);
        }
    }

    @Override
    protected List<INDArray> exportBuffers() {
        return velocity == null ? List.of() : List.of(velocity.dup());
    }

    @Override
    protected void importBuffers(List<INDArray> buffers) {
        if (velocity != null) {
            checkLength(buffers.get(0), velocity.length());
            velocity.assign(buffers.get(0).reshape(velocity.shape()));
        }
    }

    @Override
    protected int bufferCount() {
        return velocity == null ? 0 : 1;
    }
}
