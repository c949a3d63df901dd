package dev.chainrule.prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chainrule.encoding.Prediction;
import dev.chainrule.table.Table;
import dev.chainrule.table.Tabular;

/**
 * Predictions in the order of the instances, from the job's model at {@code version}. As CSV: a
 * {@code label} column and one {@code probability_<class>} column per class (classification), or a
 * {@code value} column (regression), or one {@code value_<target>} column per target (several targets).
 */
record PredictionResponse(UUID jobId, long version, List<Prediction> predictions) implements Tabular {

    @Override
    public Table table() {
        if (!predictions.isEmpty() && predictions.get(0).values() != null) {
            List<String> targets = List.copyOf(predictions.get(0).values().keySet());
            List<String> header = targets.stream().map(t -> "value_" + t).toList();
            return new Table(header, predictions.stream()
                    .map(p -> targets.stream().map(t -> String.valueOf(p.values().get(t))).toList()).toList());
        }
        if (predictions.isEmpty() || predictions.get(0).probabilities() == null) {
            return new Table(List.of("value"),
                    predictions.stream().map(p -> List.of(String.valueOf(p.value()))).toList());
        }
        List<String> classes = List.copyOf(predictions.get(0).probabilities().keySet());
        List<String> header = new ArrayList<>(List.of("label"));
        classes.forEach(c -> header.add("probability_" + c));
        return new Table(header, predictions.stream().map(p -> row(p.label(), p.probabilities(), classes)).toList());
    }

    private static List<String> row(String label, Map<String, Double> probabilities, List<String> classes) {
        List<String> row = new ArrayList<>(List.of(label));
        classes.forEach(c -> row.add(String.valueOf(probabilities.get(c))));
        return row;
    }
}
