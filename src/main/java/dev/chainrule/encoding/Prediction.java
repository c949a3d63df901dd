package dev.chainrule.encoding;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One decoded output: a class label with every class's probability (classification), or a value
 * in the target's original units (regression), or for several regression targets their values by
 * target name, in the targets' order.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String label, Map<String, Double> probabilities, Double value, Map<String, Double> values) {

    /** A prediction of a single target: a class, or one value. */
    public Prediction(String label, Map<String, Double> probabilities, Double value) {
        this(label, probabilities, value, null);
    }
}
