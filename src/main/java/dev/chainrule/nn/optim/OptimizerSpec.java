package dev.chainrule.nn.optim;

/**
 * Which update rule to use and its hyper-parameters, with PyTorch's semantics. {@code weightDecay}
 * is PyTorch's coupled form ({@code g += weightDecay·p}) applied to every parameter.
 */
public sealed interface OptimizerSpec permits OptimizerSpec.Sgd, OptimizerSpec.Adam, OptimizerSpec.RmsProp {

    double learningRate();

    double weightDecay();

    /** {@code buf = momentum·buf + g} (buf = g at the first step); {@code p -= lr·buf}, or {@code p -= lr·(g + momentum·buf)} with Nesterov. */
    record Sgd(double learningRate, double momentum, boolean nesterov, double weightDecay) implements OptimizerSpec {
    }

    /** Bias-corrected moments; epsilon is added to {@code sqrt(v̂)}. */
    record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) implements OptimizerSpec {
    }

    /** {@code v = alpha·v + (1-alpha)·g²}; {@code p -= lr·g/(sqrt(v)+eps)}, with optional momentum as in PyTorch. */
    record RmsProp(double learningRate, double alpha, double epsilon, double momentum, double weightDecay) implements OptimizerSpec {
    }
}
