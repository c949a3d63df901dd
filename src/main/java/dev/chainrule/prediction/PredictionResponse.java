package dev.chainrule.prediction;

import java.util.List;
import java.util.UUID;

import dev.chainrule.encoding.Prediction;

/** Predictions in the order of the instances, from the job's model at {@code version}. */
record PredictionResponse(UUID jobId, long version, List<Prediction> predictions) {
}
