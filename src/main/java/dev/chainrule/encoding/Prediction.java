package dev.chainrule.encoding;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One decoded output: a class label with every class's probability (classification), or a value
 * in the target's original units (regression).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(String label, Map<String, Double> probabilities, Double value) {
}
