package dev.chainrule.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.nn.LayerParameters;
import tools.jackson.databind.JsonNode;

/**
 * A model trained elsewhere, to be stored as a finished job of kind {@code imported} that serves
 * {@code modelId} with exactly these parameters and this preprocessing. {@code options} are training
 * options as a job request holds them (null for the defaults); {@code metrics} are keyed by their JSON
 * names ({@code loss}, {@code valAccuracy}, …).
 */
public record ImportedJob(UUID modelId, JsonNode options, Map<String, Double> metrics, int epoch, int epochs,
        Preprocessing preprocessing, List<LayerParameters> parameters) {

    public ImportedJob {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        parameters = List.copyOf(parameters);
    }
}
