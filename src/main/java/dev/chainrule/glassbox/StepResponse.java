package dev.chainrule.glassbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.train.TrainingStep;

/**
 * One step: matrices are [rows][units] (weights [inputs][units]), every number exactly what the
 * trainer computed in the network's precision.
 */
record StepResponse(
        @Schema(description = "the loss before the update (L2 term included)") double loss,
        @Schema(description = "the loss on the same rows, with the same dropout masks, after the update") double lossAfter,
        @Schema(description = "the encoded rows [rows][inputs]") double[][] input,
        @Schema(description = "the encoded targets [rows][outputs]") double[][] target,
        @Schema(description = "every layer, in order") List<StepLayer> layers,
        @Schema(description = "the parameters after the update, as a model's parameters: one {weights, bias} per "
                + "dense layer") List<LayerParameters> parametersAfter) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StepLayer(
            @Schema(description = "position in the model, from 0") int layer,
            @Schema(description = "dense, dropout, batch_norm (γ shown as weights, one row, β as bias) or projection "
                    + "(a residual block's); layers inside residual blocks follow in running order") String kind,
            @Schema(description = "W before the update [inputs][units]") double[][] weights,
            @Schema(description = "b before the update") double[] bias,
            @Schema(description = "z = x·W + b [rows][units]") double[][] z,
            @Schema(description = "a = f(z); the output layer's is the output activation's") double[][] a,
            @Schema(description = "dL/da; absent for the output layer when the loss is fused with its activation "
                    + "(softmax + cross_entropy, sigmoid + binary_cross_entropy)") double[][] dLda,
            @Schema(description = "dL/dz = f'(z) ⊙ dL/da") double[][] dLdz,
            @Schema(description = "dL/dW = xᵀ·dL/dz (+ l2·W)") double[][] dLdW,
            @Schema(description = "dL/db = Σ_rows dL/dz") double[] dLdb,
            @Schema(description = "what the optimizer changed: parameters after − before") Update update) {
    }

    record Update(double[][] weights, double[] bias) {
    }

    static StepResponse of(TrainingStep.Trace trace, double[][] input, double[][] target) {
        List<StepLayer> layers = trace.layers().stream()
                .map(l -> new StepLayer(l.layer(), l.kind(), l.weights(), l.bias(), l.z(), l.a(), l.dLda(), l.dLdz(),
                        l.dLdW(), l.dLdb(), l.updateWeights() == null ? null
                                : new Update(l.updateWeights(), l.updateBias())))
                .toList();
        return new StepResponse(trace.loss(), trace.lossAfter(), input, target, layers, trace.parametersAfter());
    }
}
