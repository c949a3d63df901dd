package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * PyTorch's SGD (dampening 0): {@code buf = g} at the first step, then {@code buf = μ·buf + g};
 * {@code p −= lr·buf}, or {@code p −= lr·(g + μ·buf)} with Nesterov. Plain SGD keeps no buffer.
 */
final class Sgd extends FlatOptimizer {

    private final double momentum;
    private final boolean nesterov;

    Sgd(OptimizerSpec.Sgd spec, long size, DataType dataType) {
        super(spec.weightDecay(), spec.momentum() > 0 ? 1 : 0, size, dataType);
        if (!(spec.momentum() >= 0 && spec.momentum() < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), was " + spec.momentum());
        }
        if (spec.nesterov() && spec.momentum() == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        }
        this.momentum = spec.momentum();
        this.nesterov = spec.nesterov();
    }

    @Override
    void update(INDArray parameters, INDArray gradients, double learningRate, long t) {
        if (momentum == 0) {
            axpy(-learningRate, gradients, parameters);
            return;
        }
        INDArray velocity = buffer(0);
        if (t == 1) {
            velocity.assign(gradients);
        } else {
            velocity.muli(momentum).addi(gradients);
        }
        if (nesterov) {
            axpy(momentum, velocity, gradients);
            axpy(-learningRate, gradients, parameters);
        } else {
            axpy(-learningRate, velocity, parameters);
        }
    }
}
