package dev.chainrule.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one layer saw and computed in the network's last training pass, for observers (telemetry,
 * a step shown value by value). The arrays are the engine's own and live: read them before the next
 * training pass and never write into them. A field is null where the layer has no such value (a
 * dropout layer has no {@code z}; {@code dLdInput} is null for the first layer, whose input gradient
 * is not computed in training; {@code dLda} of the output layer is null when the loss is fused with
 * the output activation, whose gradient is taken straight with respect to {@code z}).
 */
public record LayerPass(String layer, INDArray input, INDArray z, INDArray a, INDArray dLda, INDArray dLdz,
        INDArray dLdInput, List<Parameter> parameters) {

    LayerPass withOutput(INDArray outputs, INDArray outputGradient) {
        return new LayerPass(layer, input, z, outputs, outputGradient, dLdz, dLdInput, parameters);
    }
}
