package dev.chainrule.portable.onnx;

import java.util.List;

import dev.chainrule.encoding.TargetEncoding;

/**
 * The graph's outputs, decoded from the network's as the service decodes them. Classification:
 * {@code probabilities} [N, classes] in the network's type, {@code label_index} (int64 [N], the most
 * probable class, the first on a tie; for one sigmoid output the second class when p ≥ 0.5) and
 * {@code label} (string [N]). Regression: {@code value} (double [N, t], one column per target, t = 1
 * for one) in the targets' units, mapped back in double precision as the service does.
 */
final class OnnxOutputs {

    static final String PROBABILITIES = "probabilities";
    static final String LABEL_INDEX = "label_index";
    static final String LABEL = "label";
    static final String VALUE = "value";

    private OnnxOutputs() {
    }

    static List<String> names(TargetEncoding target) {
        return target instanceof TargetEncoding.Regression ? List.of(VALUE) : List.of(PROBABILITIES, LABEL_INDEX, LABEL);
    }

    static void append(TargetEncoding target, OnnxLayer.Value network, OnnxGraph graph, ElementType type) {
        if (target instanceof TargetEncoding.Value value) {
            appendValues(List.of(value), network.name(), graph);
            return;
        }
        if (target instanceof TargetEncoding.Values several) {
            appendValues(several.each(), network.name(), graph);
            return;
        }
        String probabilities;
        String labelIndex;
        if (target instanceof TargetEncoding.Binary) {
            String positive = network.name();
            String negative = graph.node("Sub", List.of(graph.reals("one", type, new long[0], 1.0), positive));
            probabilities = graph.node("Concat", List.of(negative, positive), OnnxAttribute.of("axis", 1L));
            String second = graph.node("GreaterOrEqual", List.of(positive, graph.reals("half", type, new long[0], 0.5)));
            String flat = graph.node("Reshape", List.of(second, graph.int64s("shape", new long[] {1}, -1)));
            labelIndex = graph.node("Cast", List.of(flat), OnnxAttribute.of("to", (long) ElementType.INT64.code()));
        } else {
            probabilities = network.name();
            labelIndex = graph.node("ArgMax", List.of(probabilities), OnnxAttribute.of("axis", 1L),
                    OnnxAttribute.of("keepdims", 0L));
        }
        List<String> classes = target.classes();
        String label = graph.node("Gather", List.of(graph.strings("classes", new long[] {classes.size()}, classes),
                labelIndex), OnnxAttribute.of("axis", 0L));
        graph.output(probabilities, PROBABILITIES, type, OnnxGraph.BATCH, classes.size());
        graph.output(labelIndex, LABEL_INDEX, ElementType.INT64, OnnxGraph.BATCH);
        graph.output(label, LABEL, ElementType.STRING, OnnxGraph.BATCH);
    }

    /** {@code value * std + mean} per column, in double; an unscaled target maps with std 1 and mean 0. */
    private static void appendValues(List<TargetEncoding.Value> targets, String output, OnnxGraph graph) {
        String value = graph.node("Cast", List.of(output), OnnxAttribute.of("to", (long) ElementType.DOUBLE.code()));
        if (targets.stream().anyMatch(TargetEncoding.Value::standardize)) {
            long[] shape = targets.size() == 1 ? new long[0] : new long[] {targets.size()};
            double[] stds = targets.stream().mapToDouble(t -> t.standardize() ? t.std() : 1.0).toArray();
            double[] means = targets.stream().mapToDouble(t -> t.standardize() ? t.mean() : 0.0).toArray();
            value = graph.node("Add", List.of(
                    graph.node("Mul", List.of(value, graph.reals("target_std", ElementType.DOUBLE, shape, stds))),
                    graph.reals("target_mean", ElementType.DOUBLE, shape, means)));
        }
        graph.output(value, VALUE, ElementType.DOUBLE, OnnxGraph.BATCH, targets.size());
    }
}
