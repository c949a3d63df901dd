package dev.chainrule.prediction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Schema;

/** Predictions for rows {@code [offset, offset + rows)} of a stored dataset. */
record ScoredPage(UUID jobId, long version, UUID datasetId, int offset, int limit, int rows, List<Row> predictions) {

    /**
     * One scored row: its index in the dataset, the prediction, and the dataset's own target value
     * ({@code actual}: the class label, the number for regression, or the numbers by target name for
     * several targets, as {@code values} holds the predicted ones), so the two can be compared.
     */
    @Schema(name = "ScoredRow")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Row(long row, String label, Map<String, Double> probabilities, Double value, Map<String, Double> values,
            Object actual) {
    }
}
