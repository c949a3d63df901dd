package dev.chainrule.nn;

import java.util.Optional;

/**
 * Initial weight distributions. Xavier and He leave biases at zero; {@code lecun_uniform} and
 * {@code torch_default} (the same distribution under two names) draw weights and biases from
 * U(±1/√fan_in), as PyTorch's {@code Linear} does.
 */
public enum WeightInit implements JsonNamed {
    XAVIER_UNIFORM, XAVIER_NORMAL, HE_UNIFORM, HE_NORMAL, LECUN_UNIFORM, TORCH_DEFAULT;

    public static Optional<WeightInit> fromJsonName(String name) {
        return JsonNamed.fromJsonName(WeightInit.class, name);
    }

    /** Whether biases are drawn too (else they start at zero). */
    public boolean drawsBiases() {
        return this == LECUN_UNIFORM || this == TORCH_DEFAULT;
    }
}
