package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's Adam: {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code p −= lr/(1−β1ᵗ) · m / (sqrt(v)/sqrt(1−β2ᵗ) + ε)}. ε is added after the bias correction of
 * v, as PyTorch does; the shortcut with ε inside the uncorrected root moves parameters differently.
 */
final class Adam extends FlatOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray scratch;

    Adam(OptimizerSpec.Adam spec, long size, DataType dataType) {
        super(spec.weightDecay(), 2, size, dataType);
        if (!(spec.beta1() >= 0 && spec.beta1() < 1 && spec.beta2() >= 0 && spec.beta2() < 1 && spec.epsilon() > 0)) {
            throw new IllegalArgumentException("Adam needs betas in [0, 1) and epsilon > 0");
        }
        this.beta1 = spec.beta1();
        this.beta2 = spec.beta2();
        this.epsilon = spec.epsilon();
        this.scratch = Nd4j.zeros(dataType, size);
    }

    @Override
    void update(INDArray parameters, INDArray gradients, double learningRate, long t) {
        INDArray m = buffer(0);
        INDArray v = buffer(1);
        m.muli(beta1);
        axpy(1 - beta1, gradients, m);
        Nd4j.exec(new Square(gradients, scratch));
        v.muli(beta2);
        axpy(1 - beta2, scratch, v);

        // m/(sqrt(v)/√c2 + ε) = √c2·m/(sqrt(v) + ε·√c2): the same value with one pass fewer
        double correction1 = 1 - Math.pow(beta1, t);
        double rootCorrection2 = Math.sqrt(1 - Math.pow(beta2, t));
        Nd4j.exec(new Sqrt(v, scratch));
        scratch.addi(epsilon * rootCorrection2).rdivi(m);
        axpy(-learningRate * rootCorrection2 / correction1, scratch, parameters);
    }
}
