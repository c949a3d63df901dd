package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's SGD (dampening 0): {@code g += wd·p}; {@code buf = g} at the first step, then
 * {@code buf = μ·buf + g}; {@code p −= lr·buf}, or {@code p −= lr·(g + μ·buf)} with Nesterov.
 */
final class Nd4jSgd extends Nd4jOptimizer {

    private final OptimizerSpec.Sgd spec;

    Nd4jSgd(OptimizerSpec.Sgd spec, long size, DataType dataType) {
        super(spec.momentum() > 0 ? 1 : 0, size, dataType);
        this.spec = spec;
    }

    @Override
    protected void update(INDArray p, INDArray gradients, double learningRate, long t) {
        try (INDArray g = decayed(gradients, p, spec.weightDecay())) {
            if (spec.momentum() == 0) {
                p.subi(g.muli(learningRate));
                return;
            }
            INDArray buf = buffer(0);
            if (t == 1) {
                buf.assign(g);
            } else {
                buf.muli(spec.momentum()).addi(g);
            }
            INDArray direction = spec.nesterov() ? g.addi(buf.mul(spec.momentum())) : buf;
            p.subi(direction.mul(learningRate));
        }
    }
}
