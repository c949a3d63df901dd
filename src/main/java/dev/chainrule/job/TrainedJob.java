package dev.chainrule.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.Precision;
import tools.jackson.databind.JsonNode;

/**
 * Everything a job's trained model is made of, read in one piece for an export: where it came from,
 * its progress and final metrics (by their JSON names, absent ones left out), the effective training
 * options as stored, and the preprocessing and parameters predictions use.
 */
public record TrainedJob(UUID jobId, String kind, String status, UUID modelId, UUID datasetId, int epoch,
        int epochs, long parameterVersion, JsonNode options, Map<String, Double> metrics, Precision precision,
        Preprocessing preprocessing, List<LayerParameters> parameters) {

    public TrainedJob {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        parameters = List.copyOf(parameters);
    }
}
