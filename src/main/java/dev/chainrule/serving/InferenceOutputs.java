package dev.chainrule.serving;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.chainrule.encoding.Prediction;
import dev.chainrule.serving.KServeTypes.RequestOutput;
import dev.chainrule.serving.KServeTypes.Tensor;

/**
 * The decoded predictions as output tensors, in the order asked for. The numbers are those of
 * {@code /predictions}: in FP32 they are the same float32 values, in FP64 the same doubles.
 */
final class InferenceOutputs {

    private InferenceOutputs() {
    }

    static List<Tensor> of(List<Prediction> predictions, List<String> classes, ModelSignature signature,
            List<RequestOutput> requested) {
        List<Tensor> tensors = new ArrayList<>();
        for (String name : selected(signature, requested)) {
            tensors.add(switch (name) {
                case ModelSignature.LABEL -> new Tensor(name, List.of((long) predictions.size()), ModelSignature.BYTES,
                        predictions.stream().map(Prediction::label).toList());
                case ModelSignature.PROBABILITIES -> probabilities(predictions, classes, signature.realType());
                default -> values(predictions, signature.realType());
            });
        }
        return tensors;
    }

    /** [n, t]: one value per target, row by row; t is 1 for a single target. */
    private static Tensor values(List<Prediction> predictions, String realType) {
        long width = predictions.isEmpty() || predictions.get(0).values() == null ? 1
                : predictions.get(0).values().size();
        List<Number> data = new ArrayList<>();
        for (Prediction prediction : predictions) {
            if (prediction.values() == null) {
                data.add(real(prediction.value(), realType));
            } else {
                prediction.values().values().forEach(value -> data.add(real(value, realType)));
            }
        }
        return new Tensor(ModelSignature.VALUE, List.of((long) predictions.size(), width), realType, data);
    }

    private static Tensor probabilities(List<Prediction> predictions, List<String> classes, String realType) {
        List<Number> data = new ArrayList<>(predictions.size() * classes.size());
        for (Prediction prediction : predictions) {
            for (String label : classes) {
                data.add(real(prediction.probabilities().get(label), realType));
            }
        }
        return new Tensor(ModelSignature.PROBABILITIES, List.of((long) predictions.size(), (long) classes.size()),
                realType, data);
    }

    private static Number real(double value, String realType) {
        return "FP64".equals(realType) ? (Number) value : (Number) (float) value;
    }

    private static Set<String> selected(ModelSignature signature, List<RequestOutput> requested) {
        if (requested == null || requested.isEmpty()) {
            return new LinkedHashSet<>(signature.outputNames());
        }
        Set<String> names = new LinkedHashSet<>();
        for (RequestOutput output : requested) {
            String name = output == null ? null : output.name();
            if (!signature.outputNames().contains(name)) {
                throw KServeException.badRequest("Unknown output '" + name + "'; the model's outputs are "
                        + String.join(", ", signature.outputNames()) + ".");
            }
            names.add(name);
        }
        return names;
    }
}
