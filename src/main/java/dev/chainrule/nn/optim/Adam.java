package dev.chainrule.nn.optim;

/**
 * PyTorch's Adam: {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²},
 * {@code p −= lr/(1−β1ᵗ) · m / (sqrt(v)/sqrt(1−β2ᵗ) + ε)}. ε is added after the bias correction of
 * v, as PyTorch does; the shortcut with ε inside the uncorrected root moves parameters differently.
 */
final class Adam extends FusedLoopOptimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    Adam(OptimizerSpec.Adam spec, long size) {
        super(2, size);
        if (!(spec.beta1() >= 0 && spec.beta1() < 1 && spec.beta2() >= 0 && spec.beta2() < 1 && spec.epsilon() > 0)) {
            throw new IllegalArgumentException("Adam needs betas in [0, 1) and epsilon > 0");
        }
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
}
