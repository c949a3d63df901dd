package dev.chainrule.serving;

import java.util.ArrayList;
import java.util.List;

import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.Precision;
import dev.chainrule.serving.KServeTypes.TensorMetadata;

/**
 * A trained model's tensors in KServe v2 terms. Inputs: one per raw feature column, {@code BYTES} for a
 * categorical column and the job's real type ({@code FP32}, or {@code FP64} for a float64 job) for a
 * numeric one, shape [-1]; or, instead of all of them, one {@code input} tensor of encoded features
 * [-1, width] (offered unless a column is itself named {@code input}). Outputs: {@code label} (BYTES)
 * and {@code probabilities} [-1, classes] for classification, {@code value} [-1, t] for regression on t targets (t = 1 for one).
 */
record ModelSignature(List<TensorMetadata> inputs, List<TensorMetadata> outputs, String realType, int width,
        boolean offersEncodedInput) {

    static final String ENCODED_INPUT = "input";
    static final String LABEL = "label";
    static final String PROBABILITIES = "probabilities";
    static final String VALUE = "value";
    static final String BYTES = "BYTES";
    private static final long BATCH = -1;

    static ModelSignature of(Preprocessing preprocessing, Precision precision) {
        String real = precision == Precision.FLOAT64 ? "FP64" : "FP32";
        List<TensorMetadata> inputs = new ArrayList<>();
        for (FeatureEncoding feature : preprocessing.features()) {
            inputs.add(new TensorMetadata(feature.name(), feature instanceof FeatureEncoding.Numeric ? real : BYTES,
                    List.of(BATCH)));
        }
        List<TensorMetadata> outputs = preprocessing.task() == Task.REGRESSION
                ? List.of(new TensorMetadata(VALUE, real, List.of(BATCH, (long) preprocessing.outputs())))
                : List.of(new TensorMetadata(LABEL, BYTES, List.of(BATCH)),
                        new TensorMetadata(PROBABILITIES, real, List.of(BATCH, (long) preprocessing.classes().size())));
        return new ModelSignature(inputs, outputs, real, preprocessing.inputs(),
                !preprocessing.featureNames().contains(ENCODED_INPUT));
    }

    List<String> outputNames() {
        return outputs.stream().map(TensorMetadata::name).toList();
    }

    List<String> inputNames() {
        return inputs.stream().map(TensorMetadata::name).toList();
    }
}
