package dev.chainrule.portable.onnx;

import java.util.List;

import dev.chainrule.nn.Activation;

/**
 * Each activation as the engine computes it, in ONNX operators: leaky ReLU with slope 0.01, ELU with
 * alpha 1, softmax over each row, softplus in the engine's overflow-free form
 * {@code max(z, 0) + log(1 + exp(-|z|))}, GELU in its exact form {@code z·(1 + erf(z/√2))/2}.
 *
 * <p>ONNX Runtime's CPU kernels of LeakyRelu, Elu and Erf take only float, so a float64 graph writes the
 * first two as the elementwise formulas they stand for, and computes erf in float (a relative error near
 * 1e-7 in GELU's output, where everything else stays in double).
 */
final class OnnxActivations {

    /** The engine's (and PyTorch's) default negative slope. */
    private static final double LEAKY_SLOPE = 0.01;

    private OnnxActivations() {
    }

    static String append(Activation activation, String z, OnnxGraph graph, ElementType type) {
        return switch (activation) {
            case IDENTITY -> z;
            case RELU -> graph.node("Relu", List.of(z));
            case LEAKY_RELU -> type == ElementType.FLOAT
                    ? graph.node("LeakyRelu", List.of(z), OnnxAttribute.of("alpha", (float) LEAKY_SLOPE))
                    // max(z, 0.01·z) is z for z ≥ 0 and 0.01·z below
                    : graph.node("Max", List.of(z, graph.node("Mul", List.of(z, scalar(graph, "slope", type,
                            LEAKY_SLOPE)))));
            case ELU -> type == ElementType.FLOAT ? graph.node("Elu", List.of(z), OnnxAttribute.of("alpha", 1.0f))
                    : graph.node("Where", List.of(graph.node("Greater", List.of(z, scalar(graph, "zero", type, 0.0))),
                            z, graph.node("Sub", List.of(graph.node("Exp", List.of(z)), scalar(graph, "one", type, 1.0)))));
            case SIGMOID -> graph.node("Sigmoid", List.of(z));
            case TANH -> graph.node("Tanh", List.of(z));
            case SOFTMAX -> graph.node("Softmax", List.of(z), OnnxAttribute.of("axis", 1L));
            case SOFTPLUS -> softplus(z, graph, type);
            case GELU -> gelu(z, graph, type);
        };
    }

    private static String softplus(String z, OnnxGraph graph, ElementType type) {
        String negativeAbs = graph.node("Neg", List.of(graph.node("Abs", List.of(z))));
        String one = scalar(graph, "one", type, 1.0);
        String log = graph.node("Log", List.of(graph.node("Add", List.of(one, graph.node("Exp", List.of(negativeAbs))))));
        return graph.node("Add", List.of(graph.node("Relu", List.of(z)), log));
    }

    private static String gelu(String z, OnnxGraph graph, ElementType type) {
        String scaled = graph.node("Mul", List.of(z, scalar(graph, "inv_sqrt2", type, 1 / Math.sqrt(2))));
        String erf = type == ElementType.FLOAT ? graph.node("Erf", List.of(scaled))
                : cast(graph.node("Erf", List.of(cast(scaled, ElementType.FLOAT, graph))), type, graph);
        String cdf = graph.node("Mul", List.of(graph.node("Add", List.of(erf, scalar(graph, "one", type, 1.0))),
                scalar(graph, "half", type, 0.5)));
        return graph.node("Mul", List.of(z, cdf));
    }

    private static String cast(String value, ElementType to, OnnxGraph graph) {
        return graph.node("Cast", List.of(value), OnnxAttribute.of("to", (long) to.code()));
    }

    private static String scalar(OnnxGraph graph, String hint, ElementType type, double value) {
        return graph.reals(hint, type, new long[0], value);
    }
}
