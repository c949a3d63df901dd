package dev.chainrule.portable.onnx;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.encoding.FeatureEncoding;

/**
 * The fitted preprocessing inside the graph: one input per raw column, encoded as the service encodes
 * it. Numeric columns ({@code float} [N, 1], NaN for a missing value) take the training mean when
 * missing and are then z-scored, in double precision as the service does, and rounded once to the
 * network's type. Categorical columns ({@code string} [N, 1]) are one-hot encoded over the training
 * categories; a category never seen in training encodes as all zeros, and the importer's missing-value
 * spellings ({@code ""}, {@code ?}, {@code NA}, {@code NaN}) count as the missing category when training
 * had one.
 */
final class OnnxPreprocessing {

    /** What the dataset importer reads as a missing value. */
    static final List<String> MISSING_SPELLINGS = List.of("", "?", "NA", "NaN");
    static final String ML_DOMAIN = "ai.onnx.ml";

    private OnnxPreprocessing() {
    }

    /** Declares one graph input per feature and returns the encoded features [N, width] in {@code type}. */
    static OnnxLayer.Value append(List<FeatureEncoding> features, OnnxGraph graph, ElementType type) {
        List<FeatureEncoding.Numeric> numeric = new ArrayList<>();
        List<String> numericInputs = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<FeatureEncoding> blockOrder = new ArrayList<>();
        for (FeatureEncoding feature : features) {
            if (feature instanceof FeatureEncoding.Numeric n) {
                numeric.add(n);
                numericInputs.add(graph.input(n.name(), ElementType.FLOAT, OnnxGraph.BATCH, 1));
            } else {
                FeatureEncoding.Categorical c = (FeatureEncoding.Categorical) feature;
                blocks.add(oneHot(c, graph.input(c.name(), ElementType.STRING, OnnxGraph.BATCH, 1), graph, type));
                blockOrder.add(c);
            }
        }
        if (!numeric.isEmpty()) {
            blocks.add(0, numericBlock(numeric, numericInputs, graph, type));
            blockOrder.addAll(0, numeric);
        }
        String encoded = blocks.size() == 1 ? blocks.get(0)
                : graph.node("Concat", blocks, OnnxAttribute.of("axis", 1L));
        int width = features.stream().mapToInt(FeatureEncoding::width).sum();
        return new OnnxLayer.Value(inColumnOrder(encoded, features, blockOrder, graph), width);
    }

    /** All numeric columns at once: [N, m] → impute → scale, in double, then cast to the network's type. */
    private static String numericBlock(List<FeatureEncoding.Numeric> numeric, List<String> inputs, OnnxGraph graph,
            ElementType type) {
        int m = numeric.size();
        double[] means = new double[m];
        double[] shifts = new double[m];
        double[] scales = new double[m];
        boolean anyScaled = false;
        for (int j = 0; j < m; j++) {
            FeatureEncoding.Numeric column = numeric.get(j);
            means[j] = column.mean();
            shifts[j] = column.standardize() ? column.mean() : 0.0;
            scales[j] = column.standardize() ? column.std() : 1.0;
            anyScaled |= column.standardize();
        }
        long[] row = {m};
        String raw = inputs.size() == 1 ? inputs.get(0) : graph.node("Concat", inputs, OnnxAttribute.of("axis", 1L));
        String wide = cast(raw, ElementType.DOUBLE, graph);
        String imputed = graph.node("Where", List.of(graph.node("IsNaN", List.of(wide)),
                graph.reals("means", ElementType.DOUBLE, row, means), wide));
        String scaled = !anyScaled ? imputed : graph.node("Div", List.of(
                graph.node("Sub", List.of(imputed, graph.reals("shifts", ElementType.DOUBLE, row, shifts))),
                graph.reals("scales", ElementType.DOUBLE, row, scales)));
        return type == ElementType.DOUBLE ? scaled : cast(scaled, type, graph);
    }

    /**
     * ONNX-ML's OneHotEncoder over the categories (all zeros for anything else). When training had a
     * missing category, the missing-value spellings are encoded as extra categories and folded onto it
     * by a constant 0/1 matrix, which is exact.
     */
    private static String oneHot(FeatureEncoding.Categorical column, String input, OnnxGraph graph, ElementType type) {
        List<String> categories = new ArrayList<>(column.categories());
        int k = categories.size();
        int missing = categories.indexOf(FeatureColumn.Categorical.MISSING);
        if (missing >= 0) {
            MISSING_SPELLINGS.stream().filter(s -> !column.categories().contains(s)).forEach(categories::add);
        }
        String encoded = graph.node(ML_DOMAIN, "OneHotEncoder", List.of(input),
                OnnxAttribute.strings("cats_strings", categories), OnnxAttribute.of("zeros", 1L));
        String flat = graph.node("Reshape", List.of(encoded,
                graph.int64s("shape", new long[] {2}, -1, categories.size())));
        if (categories.size() > k) {
            double[] fold = new double[categories.size() * k];
            for (int i = 0; i < categories.size(); i++) {
                fold[i * k + (i < k ? i : missing)] = 1.0;
            }
            flat = graph.node("MatMul", List.of(flat,
                    graph.reals("fold_missing", ElementType.FLOAT, new long[] {categories.size(), k}, fold)));
        }
        return type == ElementType.FLOAT ? flat : cast(flat, type, graph);
    }

    /** Numeric columns were encoded together, first: put every encoded input back at its column's place. */
    private static String inColumnOrder(String encoded, List<FeatureEncoding> features, List<FeatureEncoding> blockOrder,
            OnnxGraph graph) {
        if (features.equals(blockOrder)) {
            return encoded;
        }
        int[] start = new int[blockOrder.size()];
        for (int b = 1; b < blockOrder.size(); b++) {
            start[b] = start[b - 1] + blockOrder.get(b - 1).width();
        }
        List<Long> order = new ArrayList<>();
        for (FeatureEncoding feature : features) {
            int b = blockOrder.indexOf(feature);
            for (int i = 0; i < feature.width(); i++) {
                order.add((long) start[b] + i);
            }
        }
        long[] indices = order.stream().mapToLong(Long::longValue).toArray();
        return graph.node("Gather", List.of(encoded, graph.int64s("column_order", new long[] {indices.length}, indices)),
                OnnxAttribute.of("axis", 1L));
    }

    private static String cast(String value, ElementType to, OnnxGraph graph) {
        return graph.node("Cast", List.of(value), OnnxAttribute.of("to", (long) to.code()));
    }
}
