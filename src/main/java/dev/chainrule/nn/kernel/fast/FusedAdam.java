package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's Adam as one fused loop: {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code p −= lr/(1−β1ᵗ) · m / (sqrt(v)/sqrt(1−β2ᵗ) + ε)}. ε is added after the bias correction of
 * v, as PyTorch does; the shortcut with ε inside the uncorrected root moves parameters differently.
 */
final class FusedAdam extends FusedLoopOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    FusedAdam(OptimizerSpec.Adam spec, long size, DataType dataType) {
        super(2, size, dataType);
        this.beta1 = spec.beta1();
        this.beta2 = spec.beta2();
        this.epsilon = spec.epsilon();
        this.weightDecay = spec.weightDecay();
    }

    @Override
    void update(double[] p, double[] g, double[][] state, double learningRate, long t) {
        double[] m = state[0];
        double[] v = state[1];
        double stepSize = learningRate / (1 - Math.pow(beta1, t));
        double inverseRootCorrection2 = 1 / Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];
            m[i] = beta1 * m[i] + (1 - beta1) * gi;
            v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
            p[i] -= stepSize * m[i] / (Math.sqrt(v[i]) * inverseRootCorrection2 + epsilon);
        }
    }

    @Override
    void update(float[] p, float[] g, float[][] state, double learningRate, long t) {
        float[] m = state[0];
        float[] v = state[1];
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1 - beta1);
        float oneMinusB2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        float decay = (float) weightDecay;
        float stepSize = (float) (learningRate / (1 - Math.pow(beta1, t)));
        float inverseRootCorrection2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2, t)));
        for (int i = 0; i < p.length; i++) {
            float gi = g[i] + decay * p[i];
            m[i] = b1 * m[i] + oneMinusB1 * gi;
            v[i] = b2 * v[i] + oneMinusB2 * gi * gi;
            p[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) * inverseRootCorrection2 + eps);
        }
    }
}
