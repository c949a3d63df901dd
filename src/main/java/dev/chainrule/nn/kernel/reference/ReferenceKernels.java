package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.LossKernel;
import dev.chainrule.nn.kernel.MatrixKernel;
import dev.chainrule.nn.kernel.NormalizationKernel;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.optim.OptimizerSpecs;

/**
 * Every kernel as plain ND4J ops written after its definition, keeping nothing between calls: the
 * set to read, to hold the fast set against, and to fall back on where the fast set has no loop of
 * its own. It allocates on every call and is several times slower on small layers.
 */
public final class ReferenceKernels implements Kernels {

    public static final Kernels INSTANCE = new ReferenceKernels();

    private ReferenceKernels() {
    }

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public MatrixKernel matrix() {
        return new Nd4jMatrix();
    }

    @Override
    public ActivationKernel activation(Activation f) {
        return new Nd4jActivation(f);
    }

    @Override
    public NormalizationKernel normalization() {
        return new Nd4jNormalization();
    }

    @Override
    public LossKernel loss() {
        return new Nd4jLosses();
    }

    @Override
    public Optimizer optimizer(OptimizerSpec spec, long size, DataType dataType) {
        OptimizerSpecs.check(spec);
        if (spec instanceof OptimizerSpec.Sgd sgd) {
            return new Nd4jSgd(sgd, size, dataType);
        }
        if (spec instanceof OptimizerSpec.Adam adam) {
            return new Nd4jAdam(adam, size, dataType);
        }
        return new Nd4jRmsProp((OptimizerSpec.RmsProp) spec, size, dataType);
    }

    @Override
    public String toString() {
        return name();
    }
}
