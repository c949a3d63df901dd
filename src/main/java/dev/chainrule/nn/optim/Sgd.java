package dev.chainrule.nn.optim;

import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's SGD (dampening 0): {@code buf = g} at the first step, then {@code buf = μ·buf + g};
 * {@code p −= lr·buf}, or {@code p −= lr·(g + μ·buf)} with Nesterov. Plain SGD keeps no buffer.
 * Weight decay is PyTorch's coupled {@code g += wd·p}. Every step is a few BLAS level-1 calls.
 */
final class Sgd extends FlatOptimizer {

    private final double momentum;
    private final boolean nesterov;
    private final double weightDecay;
    private final INDArray velocity;

    Sgd(OptimizerSpec.Sgd spec, long size, DataType dataType) {
        if (!(spec.momentum() >= 0 && spec.momentum() < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + spec.momentum());
        }
        if (spec.nesterov() && spec.momentum() == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        }
        this.momentum = spec.momentum();
        this.nesterov = spec.nesterov();
        this.weightDecay = spec.weightDecay();
        this.velocity = momentum > 0 ? Nd4j.zeros(dataType, size) : null;
    }

    @Override
    void update(INDArray parameters, INDArray gradients, double learningRate, long t) {
        if (weightDecay != 0) {
            axpy(weightDecay, parameters, gradients);
        }
        if (velocity == null) {
            axpy(-learningRate, gradients, parameters);
            return;
        }
        if (t == 1) {
            velocity.assign(gradients);
        } else {
            scale(momentum, velocity);
            axpy(1, gradients, velocity);
        }
        if (nesterov) {
            axpy(momentum, velocity, gradients);
            axpy(-learningRate, gradients, parameters);
        } else {
            axpy(-learningRate, velocity, parameters);
        }
    }

    @Override
    List<INDArray> exportBuffers() {
        return velocity == null ? List.of() : List.of(velocity.dup());
    }

    @Override
    void importBuffers(List<INDArray> buffers) {
        if (velocity != null) {
            checkLength(buffers.get(0), velocity.length());
            velocity.assign(buffers.get(0).reshape(velocity.shape()));
        }
    }

    @Override
    int bufferCount() {
        return velocity == null ? 0 : 1;
    }
}
