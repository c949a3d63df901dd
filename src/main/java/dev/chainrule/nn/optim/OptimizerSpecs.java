package dev.chainrule.nn.optim;

/** The hyper-parameters every implementation of the update rules accepts. */
public final class OptimizerSpecs {

    private OptimizerSpecs() {
    }

    /** @throws IllegalArgumentException naming the rule and the value out of range */
    public static void check(OptimizerSpec spec) {
        if (!(spec.learningRate() > 0) || !(spec.weightDecay() >= 0)) {
            throw new IllegalArgumentException("learning rate must be > 0 and weight decay >= 0");
        }
        if (spec instanceof OptimizerSpec.Sgd sgd) {
            if (!(sgd.momentum() >= 0 && sgd.momentum() < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), was " + sgd.momentum());
            }
            if (sgd.nesterov() && sgd.momentum() == 0) {
                throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
            }
        } else if (spec instanceof OptimizerSpec.Adam adam) {
            if (!(adam.beta1() >= 0 && adam.beta1() < 1 && adam.beta2() >= 0 && adam.beta2() < 1
                    && adam.epsilon() > 0)) {
                throw new IllegalArgumentException("Adam needs betas in [0, 1) and epsilon > 0");
            }
        } else if (spec instanceof OptimizerSpec.RmsProp rmsProp) {
            if (!(rmsProp.alpha() >= 0 && rmsProp.alpha() < 1 && rmsProp.epsilon() > 0 && rmsProp.momentum() >= 0
                    && rmsProp.momentum() < 1)) {
                throw new IllegalArgumentException("RMSprop needs alpha and momentum in [0, 1) and epsilon > 0");
            }
        } else {
            throw new IllegalArgumentException("unknown optimizer " + spec);
        }
    }
}
