package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.LossKernel;
import dev.chainrule.nn.kernel.MatrixKernel;
import dev.chainrule.nn.kernel.NormalizationKernel;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;
import dev.chainrule.nn.optim.Optimizer;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.optim.OptimizerSpecs;

/**
 * The kernels training runs on by default: direct BLAS with pointers kept per array, ReLU and the
 * losses as Java loops over bulk copies (softmax fused with cross-entropy, sigmoid with binary
 * cross-entropy), and optimizer steps as one fused loop (Adam, RMSprop) or a few BLAS calls (SGD).
 * With ReLU hidden layers and a fused loss, a training batch dispatches no ND4J op at all. What is
 * not sped up here (the other activations, inference) is the reference kernels' code.
 */
public final class FastKernels implements Kernels {

    public static final Kernels INSTANCE = new FastKernels();

    private FastKernels() {
    }

    @Override
    public String name() {
        return "fast";
    }

    @Override
    public MatrixKernel matrix() {
        return new FastMatrix();
    }

    @Override
    public ActivationKernel activation(Activation f) {
        ActivationKernel reference = ReferenceKernels.INSTANCE.activation(f);
        return f == Activation.RELU ? new HeapRelu(reference) : reference;
    }

    @Override
    public NormalizationKernel normalization() {
        return new HeapNormalization();
    }

    @Override
    public LossKernel loss() {
        return new FusedLosses();
    }

    @Override
    public Optimizer optimizer(OptimizerSpec spec, long size, DataType dataType) {
        OptimizerSpecs.check(spec);
        if (spec instanceof OptimizerSpec.Sgd sgd) {
            return new BlasSgd(sgd, size, dataType);
        }
        if (spec instanceof OptimizerSpec.Adam adam) {
            return new FusedAdam(adam, size, dataType);
        }
        return new FusedRmsProp((OptimizerSpec.RmsProp) spec, size, dataType);
    }

    /**
     * How many blocks a product {@code [m, k]·[k, n]} is cut into, whatever the thread count: the
     * most threads that can share it.
     */
    public static int blocksOf(int m, int n, int k) {
        return BlockedGemm.blocks(m, n, k);
    }

    @Override
    public String toString() {
        return name();
    }
}
