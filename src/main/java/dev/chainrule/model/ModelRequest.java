package dev.chainrule.model;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A model definition as clients send it. Names (layer type, activation, loss, init) are plain strings
 * and whole numbers are {@link Number}s, so that an unknown name or a fractional unit count reaches
 * {@link ModelValidator} and is answered with a 422 naming the field, instead of being coerced or
 * rejected by the JSON reader without context.
 */
@Schema(description = "A neural network definition", example = """
        {"name": "iris-mlp", "inputs": 4,
         "layers": [{"type": "dense", "units": 16, "activation": "relu"},
                    {"type": "dropout", "rate": 0.1},
                    {"type": "dense", "units": 3, "activation": "softmax"}],
         "loss": "cross_entropy", "weightInit": "he_normal", "seed": 42, "l2": 0.0001}""")
record ModelRequest(
        @Schema(description = "Display name, 1 to 200 characters", example = "iris-mlp") String name,
        @Schema(implementation = Integer.class, description = "Input width; optional (the dataset fixes it at training time)",
                example = "4") Number inputs,
        @Schema(description = "Layers from input to output; the last one must be dense") List<Layer> layers,
        @Schema(description = "mse, mae, huber, cross_entropy (softmax output) or binary_cross_entropy (sigmoid output)",
                example = "cross_entropy") String loss,
        @Schema(description = "xavier_uniform, xavier_normal, he_uniform, he_normal, lecun_uniform or torch_default "
                + "(the last two: weights and biases from U(±1/√fan_in), as PyTorch's Linear); default: he_normal when "
                + "the first dense layer is relu, leaky_relu, elu or gelu, else xavier_uniform", example = "he_normal")
        String weightInit,
        @Schema(implementation = Long.class, description = "Seed of the initial weights; default 0", example = "42") Number seed,
        @Schema(description = "L2 weight decay factor, >= 0; default 0", example = "0.0001") Double l2,
        @Schema(description = "Optional explicit initial parameters, one entry per layer with parameters (dense, "
                + "batch_norm, residual projection after the block's inner layers), in order") List<Parameters> parameters) {

    @Schema(name = "LayerDefinition", description = "{type: dense, units, activation}, {type: dropout, rate}, "
            + "{type: batch_norm, momentum, epsilon} or {type: residual, layers, projection}", example = """
            {"type": "residual", "projection": false,
             "layers": [{"type": "dense", "units": 32, "activation": "relu"}, {"type": "batch_norm", "momentum": 0.1}]}""")
    record Layer(
            @Schema(description = "dense, dropout, batch_norm or residual", example = "dense") String type,
            @Schema(implementation = Integer.class, description = "dense: number of units", example = "16") Number units,
            @Schema(description = "dense: identity, relu, leaky_relu, elu, sigmoid, tanh, softmax, softplus or gelu",
                    example = "relu") String activation,
            @Schema(description = "dropout: fraction of units dropped while training, in [0, 1)") Double rate,
            @Schema(description = "batch_norm: weight of each batch in the running statistics, in [0, 1]; default 0.1",
                    example = "0.1") Double momentum,
            @Schema(description = "batch_norm: added to the variance, > 0; default 1e-5", example = "1e-5") Double epsilon,
            @Schema(description = "residual: the inner layers; the block outputs their output plus its input")
            List<Layer> layers,
            @Schema(description = "residual: a learned projection of the input, needed when the inner layers change "
                    + "the width; default false") Boolean projection) {

        Layer(String type, Number units, String activation, Double rate) {
            this(type, units, activation, rate, null, null, null, null);
        }
    }

    @Schema(name = "InitialParameters", description = "Initial parameters of one layer with parameters: weights and "
            + "bias (dense, residual projection) or gamma, beta, runningMean and runningVar (batch_norm)")
    record Parameters(
            @Schema(description = "Shaped [inputs][units]") List<List<Double>> weights,
            @Schema(description = "One per unit") List<Double> bias,
            @Schema(description = "batch_norm: scale, one per column") List<Double> gamma,
            @Schema(description = "batch_norm: shift, one per column") List<Double> beta,
            @Schema(description = "batch_norm: running mean, one per column") List<Double> runningMean,
            @Schema(description = "batch_norm: running (unbiased) variance, one per column, >= 0") List<Double> runningVar) {

        Parameters(List<List<Double>> weights, List<Double> bias) {
            this(weights, bias, null, null, null, null);
        }
    }
}
