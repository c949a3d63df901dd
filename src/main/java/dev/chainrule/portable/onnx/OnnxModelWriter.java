package dev.chainrule.portable.onnx;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Precision;

/**
 * Writes a trained model and its preprocessing as one ONNX graph ({@code ModelProto}, IR version 7,
 * opset 13 and ONNX-ML 1): raw columns in, probabilities and labels or values in the target's units out.
 * The network computes in the job's precision.
 */
public final class OnnxModelWriter {

    static final long IR_VERSION = 7;
    static final long OPSET = 13;
    static final long ML_OPSET = 1;

    // ModelProto, OperatorSetIdProto and StringStringEntryProto field numbers
    private static final int IR_VERSION_FIELD = 1;
    private static final int PRODUCER_NAME = 2;
    private static final int PRODUCER_VERSION = 3;
    private static final int DOC_STRING = 6;
    private static final int GRAPH = 7;
    private static final int OPSET_IMPORT = 8;
    private static final int METADATA_PROPS = 14;
    private static final int DOMAIN = 1;
    private static final int VERSION = 2;
    private static final int KEY = 1;
    private static final int VALUE = 2;

    private OnnxModelWriter() {
    }

    public static byte[] write(OnnxModel model) {
        ElementType type = model.precision() == Precision.FLOAT64 ? ElementType.DOUBLE : ElementType.FLOAT;
        OnnxGraph graph = new OnnxGraph();
        List<String> reserved = new ArrayList<>(model.preprocessing().featureNames());
        reserved.addAll(OnnxOutputs.names(model.preprocessing().target()));
        graph.reserve(reserved);

        OnnxLayer.Value value = OnnxPreprocessing.append(model.preprocessing().features(), graph, type);
        Iterator<LayerParameters> parameters = model.parameters().iterator();
        for (LayerSpec layer : model.layers()) {
            value = OnnxLayers.append(layer, value, parameters, graph, type);
        }
        if (parameters.hasNext()) {
            throw new IllegalArgumentException("more parameter entries than the layers take");
        }
        OnnxOutputs.append(model.preprocessing().target(), value, graph, type);

        ProtoMessage proto = new ProtoMessage().int64(IR_VERSION_FIELD, IR_VERSION)
                .string(PRODUCER_NAME, "chainrule")
                .string(PRODUCER_VERSION, model.producerVersion())
                .string(DOC_STRING, model.description())
                .message(GRAPH, graph.toProto(model.name(), model.description()))
                .message(OPSET_IMPORT, new ProtoMessage().string(DOMAIN, "").int64(VERSION, OPSET));
        if (graph.extraDomains().contains(OnnxPreprocessing.ML_DOMAIN)) {
            proto.message(OPSET_IMPORT, new ProtoMessage().string(DOMAIN, OnnxPreprocessing.ML_DOMAIN)
                    .int64(VERSION, ML_OPSET));
        }
        for (Map.Entry<String, String> entry : new TreeMap<>(model.metadata()).entrySet()) {
            proto.message(METADATA_PROPS, new ProtoMessage().string(KEY, entry.getKey()).string(VALUE, entry.getValue()));
        }
        return proto.toByteArray();
    }
}
