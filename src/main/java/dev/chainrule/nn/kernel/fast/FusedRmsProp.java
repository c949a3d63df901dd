package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.buffer.DataType;

import dev.chainrule.nn.optim.OptimizerSpec;

/**
 * PyTorch's RMSprop (not centred) as one fused loop: {@code v = α·v + (1−α)·g²}; with momentum μ,
 * {@code buf = μ·buf + g/(sqrt(v) + ε)} and {@code p −= lr·buf}; without, {@code p −= lr·g/(sqrt(v) + ε)}.
 */
final class FusedRmsProp extends FusedLoopOptimizer {

    private final double alpha;
    private final double epsilon;
    private final double momentum;
    private final double weightDecay;

    FusedRmsProp(OptimizerSpec.RmsProp spec, long size, DataType dataType) {
        super(spec.momentum() > 0 ? 2 : 1, size, dataType);
        this.alpha = spec.alpha();
        this.epsilon = spec.epsilon();
        this.momentum = spec.momentum();
        this.weightDecay = spec.weightDecay();
    }

    @Override
    void update(double[] p, double[] g, double[][] state, double learningRate, long t) {
        double[] v = state[0];
        for (int i = 0; i < p.length; i++) {
            double gi = g[i] + weightDecay * p[i];
            v[i] = alpha * v[i] + (1 - alpha) * gi * gi;
            double scaled = gi / (Math.sqrt(v[i]) + epsilon);
            if (momentum > 0) {
                state[1][i] = momentum * state[1][i] + scaled;
                scaled = state[1][i];
            }
            p[i] -= learningRate * scaled;
        }
    }

    @Override
    void update(float[] p, float[] g, float[][] state, double learningRate, long t) {
        float[] v = state[0];
        float a = (float) alpha;
        float oneMinusA = (float) (1 - alpha);
        float eps = (float) epsilon;
        float decay = (float) weightDecay;
        float rate = (float) learningRate;
        if (momentum > 0) {
            float[] buf = state[1];
            float mu = (float) momentum;
            for (int i = 0; i < p.length; i++) {
                float gi = g[i] + decay * p[i];
                v[i] = a * v[i] + oneMinusA * gi * gi;
                buf[i] = mu * buf[i] + gi / ((float) Math.sqrt(v[i]) + eps);
                p[i] -= rate * buf[i];
            }
            return;
        }
        for (int i = 0; i < p.length; i++) {
            float gi = g[i] + decay * p[i];
            v[i] = a * v[i] + oneMinusA * gi * gi;
            p[i] -= rate * gi / ((float) Math.sqrt(v[i]) + eps);
        }
    }
}
