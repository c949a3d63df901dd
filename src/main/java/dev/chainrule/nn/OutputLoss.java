package dev.chainrule.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.ActivationKernel;
import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.LossKernel;

/**
 * The output activation and the loss, as one step after the output layer: from its {@code z} and the
 * targets {@code y}, the outputs {@code a = f(z)}, the mean loss, and dL/dz for the backward pass.
 * Cross-entropy after softmax and binary cross-entropy after sigmoid are computed together (their
 * gradient is {@code (a − y)/n} straight away, and their value stays finite for any {@code z});
 * every other pair is the activation, then the loss, then the activation's derivative.
 *
 * <p>The arrays it writes are its own, one set per batch size; {@link #outputs()} and
 * {@link #gradient()} hold those of the last training pass.
 */
abstract class OutputLoss {

    final Loss loss;
    final ActivationKernel f;
    final LossKernel kernel;
    private final BatchCache<Pass> passes;
    private Pass last;
    private ClassWeighting classWeighting;

    private OutputLoss(Activation activation, Loss loss, int outputs, Kernels kernels, DataType type, boolean keepsDA) {
        this.loss = loss;
        this.f = kernels.activation(activation);
        this.kernel = kernels.loss();
        this.passes = new BatchCache<>(rows -> new Pass(rows, outputs, type, keepsDA));
    }

    static OutputLoss create(Activation activation, Loss loss, int outputs, Kernels kernels, DataType type) {
        return switch (loss) {
            case CROSS_ENTROPY -> new SoftmaxCrossEntropy(activation, outputs, kernels, type);
            case BINARY_CROSS_ENTROPY -> new SigmoidBinaryCrossEntropy(activation, outputs, kernels, type);
            case MSE, MAE, HUBER -> new ActivationThenLoss(activation, loss, outputs, kernels, type);
        };
    }

    /** The training pass: writes {@link #outputs()} and {@link #gradient()}, returns the mean loss. */
    final double forward(INDArray z, INDArray y) {
        Pass p = passes.forRows((int) z.rows());
        double value = compute(z, y, p);
        if (classWeighting != null) {
            value = classWeighting.apply(loss, z, p.a, y, p.dz, p.da);
        }
        last = p;
        return value;
    }

    /** Weights the training loss by class from now on ({@link ClassWeighting}); null: unweighted again. */
    final void weightClasses(ClassWeighting weighting) {
        this.classWeighting = weighting;
    }

    /** Fills {@code p.a}, {@code p.dz} (and {@code p.da} where kept) from {@code z}; returns the loss. */
    abstract double compute(INDArray z, INDArray y, Pass p);

    /** {@code a = f(z)} of the last training pass. */
    final INDArray outputs() {
        return last == null ? null : last.a;
    }

    /** dL/dz of the last training pass. */
    final INDArray gradient() {
        return last == null ? null : last.dz;
    }

    /** dL/da of the last training pass; null for the fused losses, which never form it. */
    final INDArray outputGradient() {
        return last == null ? null : last.da;
    }

    /** A new array {@code f(z)} (inference). */
    final INDArray infer(INDArray z) {
        return f.apply(z);
    }

    /** The mean loss of outputs {@code a = f(z)} against {@code y}, without a gradient (evaluation). */
    final double value(INDArray z, INDArray a, INDArray y) {
        return kernel.value(loss, z, a, y);
    }

    /**
     * {@code a = softmax(z)}; {@code L = mean over rows of −Σ_j y_j·log a_j}, computed as
     * {@code logsumexp(z) − z_j}; {@code dL/dz = (a − y)/rows}.
     */
    private static final class SoftmaxCrossEntropy extends OutputLoss {
        SoftmaxCrossEntropy(Activation activation, int outputs, Kernels kernels, DataType type) {
            super(activation, Loss.CROSS_ENTROPY, outputs, kernels, type, false);
        }

        @Override
        double compute(INDArray z, INDArray y, Pass p) {
            p.a = p.ownA;
            p.dz = p.ownDz;
            return kernel.softmaxCrossEntropy(z, y, p.a, p.dz);
        }
    }

    /**
     * {@code a = σ(z)}; {@code L = mean of −y·log a − (1−y)·log(1−a)}, computed as
     * {@code softplus(z) − z·y}; {@code dL/dz = (a − y)/n} over all n = rows × outputs values.
     */
    private static final class SigmoidBinaryCrossEntropy extends OutputLoss {
        SigmoidBinaryCrossEntropy(Activation activation, int outputs, Kernels kernels, DataType type) {
            super(activation, Loss.BINARY_CROSS_ENTROPY, outputs, kernels, type, false);
        }

        @Override
        double compute(INDArray z, INDArray y, Pass p) {
            p.a = p.ownA;
            p.dz = p.ownDz;
            return kernel.sigmoidBinaryCrossEntropy(z, y, p.a, p.dz);
        }
    }

    /**
     * {@code a = f(z)}; {@code L} = MSE, MAE or Huber (δ = 1) of {@code a − y}, averaged over every
     * value, with its dL/da; then {@code dL/dz = f'(z) ⊙ dL/da}.
     */
    private static final class ActivationThenLoss extends OutputLoss {
        private final boolean identity;

        ActivationThenLoss(Activation activation, Loss loss, int outputs, Kernels kernels, DataType type) {
            super(activation, loss, outputs, kernels, type, true);
            this.identity = activation == Activation.IDENTITY;
        }

        @Override
        double compute(INDArray z, INDArray y, Pass p) {
            // for the identity, a is z and dL/dz is dL/da: no copies
            p.a = identity ? z : p.ownA;
            p.dz = identity ? p.da : p.ownDz;
            f.forward(z, p.a);
            double value = kernel.regression(loss, p.a, y, p.da);
            f.backward(z, p.a, p.da, p.dz);
            return value;
        }
    }

    /** One batch size's arrays. */
    static final class Pass {
        final INDArray ownA;
        final INDArray ownDz;
        final INDArray da;
        INDArray a;
        INDArray dz;

        Pass(int rows, int outputs, DataType type, boolean keepsDA) {
            ownA = Nd4j.create(type, rows, outputs);
            ownDz = Nd4j.create(type, rows, outputs);
            da = keepsDA ? Nd4j.create(type, rows, outputs) : null;
        }
    }
}
