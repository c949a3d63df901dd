package dev.chainrule.nn;

import java.util.List;

import dev.chainrule.nn.kernel.Kernels;
import dev.chainrule.nn.kernel.MatrixKernel;

/**
 * The L2 term of the loss over the penalized parameters (the weights, not the biases):
 * {@code L += l2/2·Σw²}, {@code dL/dW += l2·W}.
 */
final class L2Penalty {

    private final double l2;
    private final Parameter[] penalized;
    private final MatrixKernel matrix;

    L2Penalty(double l2, List<Parameter> parameters, Kernels kernels) {
        this.l2 = l2;
        this.penalized = parameters.stream().filter(Parameter::penalized).toArray(Parameter[]::new);
        this.matrix = kernels.matrix();
    }

    double value() {
        if (l2 == 0) {
            return 0;
        }
        double sum = 0;
        for (Parameter p : penalized) {
            sum += matrix.sumOfSquares(p.value());
        }
        return l2 / 2 * sum;
    }

    /** Adds the term's gradient to the parameter gradients a backward pass has just written. */
    void addGradient() {
        if (l2 == 0) {
            return;
        }
        for (Parameter p : penalized) {
            matrix.addScaled(l2, p.value(), p.gradient());
        }
    }
}
