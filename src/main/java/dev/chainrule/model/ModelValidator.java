package dev.chainrule.model;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.chainrule.nn.Activation;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.WeightInit;

/**
 * Checks a {@link ModelRequest} before anything is stored or computed and resolves its defaults.
 * Every fault is reported with the JSON pointer of the field at fault (status 422).
 */
@Component
class ModelValidator {

    static final long DEFAULT_SEED = 0;
    private static final int MAX_NAME_LENGTH = 200;
    private static final List<Activation> RELU_FAMILY =
            List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.ELU, Activation.GELU);

    private final ModelLimits limits;
    private final LayerRules layerRules;

    ModelValidator(ModelLimits limits) {
        this.limits = limits;
        this.layerRules = new LayerRules(limits);
    }

    /** @return the definition with defaults filled in (id null); throws a 422 problem naming every fault */
    StoredModel validate(ModelRequest request) {
        Faults faults = new Faults();
        String name = name(request.name(), faults);
        Integer inputs = request.inputs() == null ? null
                : toInt(faults.wholeNumber(request.inputs(), "/inputs", "'inputs'", 1, limits.maxInputs()));
        Optional<List<LayerSpec>> layers = layerRules.check(request.layers(), inputs, faults);
        Loss loss = faults.named(request.loss(), "/loss", "loss", Loss.class);
        WeightInit init = request.weightInit() == null ? layers.map(ModelValidator::defaultInit).orElse(null)
                : faults.named(request.weightInit(), "/weightInit", "weight init", WeightInit.class);
        long seed = request.seed() == null ? DEFAULT_SEED
                : orZero(faults.wholeNumber(request.seed(), "/seed", "'seed'", Long.MIN_VALUE, Long.MAX_VALUE));
        double l2 = request.l2() == null ? 0.0 : request.l2();
        if (l2 < 0 || !Double.isFinite(l2)) {
            faults.add("/l2", "'l2' must be a finite number >= 0, got " + l2 + ".");
        }
        List<LayerParameters> parameters = null;
        if (layers.isPresent()) {
            if (loss != null) {
                checkLossFitsOutput(loss, layers.get(), faults);
            }
            if (request.parameters() != null) {
                parameters = new ParameterShapes(layers.get(), inputs, faults).check(request.parameters());
                if (inputs == null && parameters != null && !parameters.get(0).ofBatchNorm()) {
                    inputs = parameters.get(0).weights().length;
                    if (inputs > limits.maxInputs()) {
                        faults.add("/parameters/0/weights", "'weights' of the first layer has " + inputs
                                + " rows; at most " + limits.maxInputs() + " inputs are allowed.");
                    }
                }
            }
            checkSize(inputs, layers.get(), faults);
        }
        faults.throwIfAny();
        return new StoredModel(null, name, inputs, layers.orElseThrow(), loss, init, seed, l2, parameters);
    }

    /**
     * Trainable parameters for the given input width: weights plus biases of every dense layer and
     * residual projection, gamma plus beta of every batch_norm layer (its running statistics are not
     * trained, and not counted).
     */
    static long parameterCount(int inputs, List<LayerSpec> layers) {
        long[] count = {0};
        widthAfter(inputs, layers, count);
        return count[0];
    }

    private static long widthAfter(long width, List<LayerSpec> layers, long[] count) {
        long current = width;
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Dense dense) {
                count[0] += current * dense.units() + dense.units();
                current = dense.units();
            } else if (layer instanceof LayerSpec.BatchNorm) {
                count[0] += 2 * current;
            } else if (layer instanceof LayerSpec.Residual residual) {
                long inner = widthAfter(current, residual.layers(), count);
                if (residual.projection()) {
                    count[0] += current * inner + inner;
                }
                current = inner;
            }
        }
        return current;
    }

    private static String name(String name, Faults faults) {
        if (name == null || name.isBlank()) {
            faults.add("/name", "'name' is required.");
        } else if (name.length() > MAX_NAME_LENGTH) {
            faults.add("/name", "'name' must have at most " + MAX_NAME_LENGTH + " characters, got " + name.length() + ".");
        }
        return name;
    }

    private static void checkLossFitsOutput(Loss loss, List<LayerSpec> layers, Faults faults) {
        Activation output = ((LayerSpec.Dense) layers.get(layers.size() - 1)).activation();
        if (!loss.fitsOutput(output)) {
            String wanted = switch (loss) {
                case CROSS_ENTROPY -> "a softmax output layer";
                case BINARY_CROSS_ENTROPY -> "a sigmoid output layer";
                default -> "an output layer that is not softmax (softmax outputs are trained with cross_entropy)";
            };
            faults.add("/loss", "Loss '" + loss.jsonName() + "' needs " + wanted + ", but layer " + (layers.size() - 1)
                    + " uses '" + output.jsonName() + "'.");
        }
    }

    private void checkSize(Integer inputs, List<LayerSpec> layers, Faults faults) {
        if (inputs != null && parameterCount(inputs, layers) > limits.maxParameters()) {
            faults.add("/layers", "The model would have " + parameterCount(inputs, layers) + " parameters; at most "
                    + limits.maxParameters() + " are allowed.");
        }
    }

    private static WeightInit defaultInit(List<LayerSpec> layers) {
        return RELU_FAMILY.contains(firstDense(layers).activation()) ? WeightInit.HE_NORMAL : WeightInit.XAVIER_UNIFORM;
    }

    /** The first dense layer in running order, inside residual blocks too (the last layer is one). */
    private static LayerSpec.Dense firstDense(List<LayerSpec> layers) {
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Dense dense) {
                return dense;
            }
            if (layer instanceof LayerSpec.Residual residual) {
                LayerSpec.Dense inner = firstDense(residual.layers());
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Integer toInt(Long value) {
        return value == null ? null : value.intValue();
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
