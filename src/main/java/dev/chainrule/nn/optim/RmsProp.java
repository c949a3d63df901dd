package dev.chainrule.nn.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.floating.Sqrt;
import org.nd4j.linalg.api.ops.impl.transforms.same.Square;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's RMSprop (not centred): {@code v = α·v + (1−α)·g²}; with momentum μ,
 * {@code buf = μ·buf + g/(sqrt(v) + ε)} and {@code p −= lr·buf}; without, {@code p −= lr·g/(sqrt(v) + ε)}.
 */
final class RmsProp extends FlatOptimizer {

    private final double alpha;
    private final double epsilon;
    private final double momentum;
    private final INDArray scratch;

    RmsProp(OptimizerSpec.RmsProp spec, long size, DataType dataType) {
        super(spec.weightDecay(), spec.momentum() > 0 ? 2 : 1, size, dataType);
        if (!(spec.alpha() >= 0 && spec.alpha() < 1 && spec.epsilon() > 0 && spec.momentum() >= 0
                && spec.momentum() < 1)) {
            throw new IllegalArgumentException("RMSprop needs alpha and momentum in [0, 1) and epsilon > 0");
        }
        this.alpha = spec.alpha();
        this.epsilon = spec.epsilon();
        this.momentum = spec.momentum();
        this.scratch = Nd4j.zeros(dataType, size);
    }

    @Override
    void update(INDArray parameters, INDArray gradients, double learningRate, long t) {
        INDArray v = buffer(0);
        Nd4j.exec(new Square(gradients, scratch));
        v.muli(alpha);
        axpy(1 - alpha, scratch, v);
        Nd4j.exec(new Sqrt(v, scratch));
        scratch.addi(epsilon).rdivi(gradients);
        if (momentum > 0) {
            INDArray velocity = buffer(1);
            velocity.muli(momentum).addi(scratch);
            axpy(-learningRate, velocity, parameters);
        } else {
            axpy(-learningRate, scratch, parameters);
        }
    }
}
