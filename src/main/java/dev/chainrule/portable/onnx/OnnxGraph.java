package dev.chainrule.portable.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@code GraphProto}: inputs, constant initializers, nodes in topological order (each appended
 * after the values it reads), outputs. Every value gets a unique name; the names of graph inputs and
 * outputs are reserved first, so that no internal value can take a column's name.
 */
final class OnnxGraph {

    /** The symbolic batch dimension of inputs and outputs. */
    static final long BATCH = -1;

    // GraphProto field numbers
    private static final int NODE = 1;
    private static final int NAME = 2;
    private static final int INITIALIZER = 5;
    private static final int DOC_STRING = 10;
    private static final int INPUT = 11;
    private static final int OUTPUT = 12;
    // NodeProto field numbers
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int OP_TYPE = 4;
    private static final int ATTRIBUTE = 5;
    private static final int DOMAIN = 7;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto(.Dimension) field numbers
    private static final int VALUE_NAME = 1;
    private static final int VALUE_TYPE = 2;
    private static final int TENSOR_TYPE = 1;
    private static final int ELEM_TYPE = 1;
    private static final int SHAPE = 2;
    private static final int DIM = 1;
    private static final int DIM_VALUE = 1;
    private static final int DIM_PARAM = 2;

    private final List<ProtoMessage> nodes = new ArrayList<>();
    private final List<ProtoMessage> initializers = new ArrayList<>();
    private final List<ProtoMessage> inputs = new ArrayList<>();
    private final List<ProtoMessage> outputs = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private final Set<String> domains = new HashSet<>();

    /** Claims the names that graph inputs and outputs will have. */
    void reserve(List<String> reserved) {
        for (String name : reserved) {
            if (!names.add(name)) {
                throw new IllegalArgumentException("graph input or output name '" + name + "' is used twice");
            }
        }
    }

    /** Declares a graph input by a reserved name; dims of {@link #BATCH} are the batch size. */
    String input(String name, ElementType type, long... dims) {
        inputs.add(valueInfo(name, type, dims));
        return name;
    }

    /** Exposes {@code value} as the graph output {@code name} (reserved before). */
    void output(String value, String name, ElementType type, long... dims) {
        nodes.add(node("", "Identity", List.of(value), name, List.of()));
        outputs.add(valueInfo(name, type, dims));
    }

    String reals(String hint, ElementType type, long[] dims, double... values) {
        String name = fresh(hint);
        initializers.add(TensorProtos.reals(name, type, dims, values));
        return name;
    }

    String int64s(String hint, long[] dims, long... values) {
        String name = fresh(hint);
        initializers.add(TensorProtos.int64s(name, dims, values));
        return name;
    }

    String strings(String hint, long[] dims, List<String> values) {
        String name = fresh(hint);
        initializers.add(TensorProtos.strings(name, dims, values));
        return name;
    }

    /** Appends a node of the standard domain with one output, and returns that output's name. */
    String node(String opType, List<String> inputNames, OnnxAttribute... attributes) {
        return node("", opType, inputNames, attributes);
    }

    String node(String domain, String opType, List<String> inputNames, OnnxAttribute... attributes) {
        String output = fresh(opType.toLowerCase());
        nodes.add(node(domain, opType, inputNames, output, Arrays.asList(attributes)));
        if (!domain.isEmpty()) {
            domains.add(domain);
        }
        return output;
    }

    /** The operator-set domains besides the standard one that the nodes use. */
    Set<String> extraDomains() {
        return Set.copyOf(domains);
    }

    ProtoMessage toProto(String name, String docString) {
        ProtoMessage graph = new ProtoMessage();
        nodes.forEach(node -> graph.message(NODE, node));
        graph.string(NAME, name);
        initializers.forEach(tensor -> graph.message(INITIALIZER, tensor));
        graph.string(DOC_STRING, docString);
        inputs.forEach(input -> graph.message(INPUT, input));
        outputs.forEach(output -> graph.message(OUTPUT, output));
        return graph;
    }

    private String fresh(String hint) {
        String name = hint;
        for (int n = 1; !names.add(name); n++) {
            name = hint + "_" + n;
        }
        return name;
    }

    private static ProtoMessage node(String domain, String opType, List<String> inputNames, String output,
            List<OnnxAttribute> attributes) {
        ProtoMessage node = new ProtoMessage();
        inputNames.forEach(input -> node.string(NODE_INPUT, input));
        node.string(NODE_OUTPUT, output).string(NODE_NAME, output).string(OP_TYPE, opType);
        attributes.forEach(attribute -> node.message(ATTRIBUTE, attribute.message()));
        if (!domain.isEmpty()) {
            node.string(DOMAIN, domain);
        }
        return node;
    }

    private static ProtoMessage valueInfo(String name, ElementType type, long... dims) {
        ProtoMessage shape = new ProtoMessage();
        for (long dim : dims) {
            shape.message(DIM, dim == BATCH ? new ProtoMessage().string(DIM_PARAM, "N")
                    : new ProtoMessage().int64(DIM_VALUE, dim));
        }
        ProtoMessage tensorType = new ProtoMessage().int32(ELEM_TYPE, type.code()).message(SHAPE, shape);
        return new ProtoMessage().string(VALUE_NAME, name)
                .message(VALUE_TYPE, new ProtoMessage().message(TENSOR_TYPE, tensorType));
    }
}
