package dev.chainrule.job;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.chainrule.nn.train.ConfusionMatrix;

/** How a finished classification job does on its validation rows, class by class. */
@Schema(description = "a finished classification job's metrics on its validation rows")
record EvaluationView(
        @Schema(description = "mean recall over the classes present") double balancedAccuracy,
        @Schema(description = "mean F1 over the classes present or predicted") double macroF1,
        @Schema(description = "recall of each class, in class order (null for a class without validation rows)")
        List<Double> recall,
        List<String> classes,
        @Schema(description = "rows: true class, columns: predicted class, in class order") int[][] confusionMatrix) {

    /** The stored form: the classes and the counts, from which the rest is derived. */
    record Stored(List<String> classes, int[][] matrix) {
    }

    static EvaluationView of(Stored stored) {
        ConfusionMatrix m = new ConfusionMatrix(stored.matrix());
        List<Double> recall = new java.util.ArrayList<>();
        for (int k = 0; k < stored.classes().size(); k++) {
            double r = m.recall(k);
            recall.add(Double.isNaN(r) ? null : r);
        }
        return new EvaluationView(m.balancedAccuracy(), m.macroF1(), recall, stored.classes(), stored.matrix());
    }
}
