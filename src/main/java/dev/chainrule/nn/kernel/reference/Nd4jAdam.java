package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's Adam: {@code g += wd·p}, {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code p −= lr/(1−β1ᵗ) · m / (sqrt(v)/sqrt(1−β2ᵗ) + ε)}.
 */
final class Nd4jAdam extends Nd4jOptimizer {

    private final OptimizerSpec.Adam spec;

    Nd4jAdam(OptimizerSpec.Adam spec, long size, DataType dataType) {
        super(2, size, dataType);
        this.spec = spec;
    }

    @Override
    protected void update(INDArray p, INDArray gradients, double learningRate, long t) {
        double beta1 = spec.beta1();
        double beta2 = spec.beta2();
        INDArray m = buffer(0);
        INDArray v = buffer(1);
        try (INDArray g = decayed(gradients, p, spec.weightDecay())) {
            m.muli(beta1).addi(g.mul(1 - beta1));
            v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        }
        try (INDArray denominator = Transforms.sqrt(v, true).divi(Math.sqrt(1 - Math.pow(beta2, t)))
                .addi(spec.epsilon())) {
            p.subi(m.div(denominator).muli(learningRate / (1 - Math.pow(beta1, t))));
        }
    }
}
