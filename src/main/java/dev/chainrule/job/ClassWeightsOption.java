package dev.chainrule.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.fault.Fault;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Loss;

/**
 * The {@code classWeights} option: {@code "balanced"} (each class weighted by
 * {@code trainingRows / (classes · rowsOfTheClass)}, scikit-learn's rule) or an object of label → weight,
 * labels left out weighing 1. Read from the request as Jackson gives it (a string or a map).
 */
final class ClassWeightsOption {

    static final String BALANCED = "balanced";

    private ClassWeightsOption() {
    }

    /** The option in its stored form (the string, or label → weight as doubles); faults go to {@code faults}. */
    static Object resolve(Object requested, List<Fault> faults) {
        if (requested == null) {
            return null;
        }
        if (requested instanceof String name) {
            if (!BALANCED.equals(name)) {
                faults.add(Fault.atPointer("/classWeights", "Unknown classWeights '" + name
                        + "'; use \"balanced\" or an object of label to weight."));
            }
            return name;
        }
        if (requested instanceof Map<?, ?> map && !map.isEmpty()) {
            Map<String, Double> weights = new LinkedHashMap<>();
            map.forEach((label, value) -> {
                String pointer = "/classWeights/" + escape(String.valueOf(label));
                if (value instanceof Number number && number.doubleValue() > 0 && Double.isFinite(number.doubleValue())) {
                    weights.put(String.valueOf(label), number.doubleValue());
                } else {
                    faults.add(Fault.atPointer(pointer, "A class weight must be a positive number, not " + value + "."));
                }
            });
            return weights;
        }
        faults.add(Fault.atPointer("/classWeights", "classWeights is \"balanced\" or a non-empty object of label to weight."));
        return null;
    }

    /** What the dataset and model make of the option: only classification, only losses that can be weighted, known labels. */
    static List<Fault> faults(Object option, StoredModel model, DatasetData data) {
        List<Fault> faults = new ArrayList<>();
        if (option == null) {
            return faults;
        }
        if (data.task() != Task.CLASSIFICATION || !(data.target() instanceof TargetColumn.Classes classes)) {
            faults.add(Fault.atPointer("/classWeights", "Class weights need a classification dataset; dataset '"
                    + data.name() + "' is a " + data.task().jsonName() + " dataset."));
            return faults;
        }
        Loss loss = model.loss();
        if (loss != Loss.CROSS_ENTROPY && loss != Loss.BINARY_CROSS_ENTROPY && loss != Loss.MSE) {
            faults.add(Fault.atPointer("/classWeights", "Class weights apply to cross_entropy, binary_cross_entropy "
                    + "and mse; the model's loss is " + loss.jsonName() + "."));
        }
        if (option instanceof Map<?, ?> weights) {
            for (Object label : weights.keySet()) {
                if (!classes.classes().contains(String.valueOf(label))) {
                    faults.add(Fault.atPointer("/classWeights/" + escape(String.valueOf(label)), "Dataset '" + data.name()
                            + "' has no class '" + label + "'; its classes are " + classes.classes() + "."));
                }
            }
        }
        return faults;
    }

    /** One weight per class, in class order; null for no option. */
    static double[] weights(Object option, List<String> classes, int[] trainingClasses) {
        if (option == null) {
            return null;
        }
        double[] weights = new double[classes.size()];
        if (BALANCED.equals(option)) {
            int[] counts = new int[classes.size()];
            for (int c : trainingClasses) {
                counts[c]++;
            }
            for (int k = 0; k < weights.length; k++) {
                // a class absent from the training rows never weighs in; 1 keeps the vector valid
                weights[k] = counts[k] == 0 ? 1 : trainingClasses.length / ((double) classes.size() * counts[k]);
            }
            return weights;
        }
        Arrays.fill(weights, 1);
        ((Map<?, ?>) option).forEach((label, weight) -> weights[classes.indexOf(String.valueOf(label))] =
                ((Number) weight).doubleValue());
        return weights;
    }

    private static String escape(String label) {
        return label.replace("~", "~0").replace("/", "~1");
    }
}
