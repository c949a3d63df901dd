package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's RMSprop (not centred): {@code g += wd·p}, {@code v = α·v + (1−α)·g²}; with momentum μ,
 * {@code buf = μ·buf + g/(sqrt(v) + ε)} and {@code p −= lr·buf}; without, {@code p −= lr·g/(sqrt(v) + ε)}.
 */
final class Nd4jRmsProp extends Nd4jOptimizer {

    private final OptimizerSpec.RmsProp spec;

    Nd4jRmsProp(OptimizerSpec.RmsProp spec, long size, DataType dataType) {
        super(spec.momentum() > 0 ? 2 : 1, size, dataType);
        this.spec = spec;
    }

    @Override
    protected void update(INDArray p, INDArray gradients, double learningRate, long t) {
        INDArray v = buffer(0);
        try (INDArray g = decayed(gradients, p, spec.weightDecay())) {
            v.muli(spec.alpha()).addi(g.mul(g).muli(1 - spec.alpha()));
            try (INDArray scaled = g.div(Transforms.sqrt(v, true).addi(spec.epsilon()))) {
                if (spec.momentum() > 0) {
                    INDArray buf = buffer(1);
                    buf.muli(spec.momentum()).addi(scaled);
                    p.subi(buf.mul(learningRate));
                } else {
                    p.subi(scaled.muli(learningRate));
                }
            }
        }
    }
}
