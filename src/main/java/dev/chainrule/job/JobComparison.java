package dev.chainrule.job;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.chainrule.fault.MalformedInputException;
import tools.jackson.databind.JsonNode;

/**
 * Several jobs side by side: their histories aligned by epoch, and every option (flattened to a path
 * such as {@code optimizer.learningRate}) with one value per job and whether they differ.
 */
record JobComparison(List<UUID> jobs, List<EpochRow> epochs, List<OptionRow> options) {

    static final int MAX_JOBS = 10;

    /** One epoch: each job's entry, in {@code jobs} order, null for a job that did not reach it. */
    record EpochRow(int epoch, List<HistoryEntry> jobs) {
    }

    /** One option: each job's value, in {@code jobs} order (null where a job does not have it). */
    record OptionRow(String option, List<Object> values,
            @Schema(description = "whether the jobs' values differ") boolean differs) {
    }

    /** The ids of {@code ?ids=a,b,c}: 2 to {@value #MAX_JOBS} distinct UUIDs. */
    static List<UUID> ids(String ids) {
        List<String> parts = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Set<UUID> parsed = new LinkedHashSet<>();
        for (String part : parts) {
            try {
                parsed.add(UUID.fromString(part));
            } catch (IllegalArgumentException e) {
                throw MalformedInputException.parameter("ids", "'" + part + "' is not a job id (a UUID).");
            }
        }
        if (parsed.size() < 2 || parsed.size() > MAX_JOBS) {
            throw MalformedInputException.parameter("ids", "Compare 2 to " + MAX_JOBS + " distinct job ids, separated "
                    + "by commas; got " + parsed.size() + ".");
        }
        return List.copyOf(parsed);
    }

    static JobComparison of(List<UUID> jobs, List<List<HistoryEntry>> histories, List<JsonNode> options) {
        int last = histories.stream().mapToInt(h -> h.isEmpty() ? 0 : h.get(h.size() - 1).epoch()).max().orElse(0);
        List<EpochRow> epochs = new ArrayList<>();
        for (int epoch = 1; epoch <= last; epoch++) {
            List<HistoryEntry> row = new ArrayList<>();
            for (List<HistoryEntry> history : histories) {
                int e = epoch;
                row.add(history.stream().filter(h -> h.epoch() == e).findFirst().orElse(null));
            }
            epochs.add(new EpochRow(epoch, row));
        }
        List<Map<String, Object>> flat = options.stream().map(JobComparison::flatten).toList();
        Set<String> paths = new LinkedHashSet<>();
        flat.forEach(f -> paths.addAll(f.keySet()));
        List<OptionRow> rows = new ArrayList<>();
        for (String path : paths) {
            List<Object> values = flat.stream().map(f -> f.get(path)).toList();
            boolean differs = values.stream().distinct().count() > 1;
            rows.add(new OptionRow(path, new ArrayList<>(values), differs));
        }
        return new JobComparison(jobs, epochs, rows);
    }

    private static Map<String, Object> flatten(JsonNode node) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> flat) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat);
            }
        } else if (!node.isNull()) {
            flat.put(prefix, node.isNumber() ? (Object) node.numberValue() : node.isBoolean() ? (Object) node.asBoolean()
                    : node.isString() ? node.asString() : node.toString());
        }
    }

}
