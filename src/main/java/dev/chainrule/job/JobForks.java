package dev.chainrule.job;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.nn.JsonNamed;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Resolves the {@code from} of a job request: the parent, the checkpoint to start from, and the
 * request completed with the parent's model, dataset and options wherever it left them out.
 */
@Component
class JobForks {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final StoredCheckpointRepository checkpoints;
    private final JsonMapper json;

    JobForks(JobRepository jobs, JobArtifactRepository artifacts, StoredCheckpointRepository checkpoints,
            JsonMapper json) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.json = json;
    }

    /** Everything a fork is created from; {@link #check} holds the fork's dataset and options against its parent. */
    record Fork(CreateJobRequest request, UUID parentId, ForkRequest.Restore restore, StoredCheckpoint start,
            Preprocessing preprocessing, byte[] preprocessingBytes, JobOptions parentOptions) {

        void check(DatasetData data, JobOptions options) {
            ForkCompatibility.check(this, data, options);
        }
    }

    Fork plan(UUID tenant, CreateJobRequest request, JobOptionsJson optionsJson) {
        ForkRequest from = request.from();
        String restoreName = Objects.requireNonNullElse(from.restore(), ForkRequest.Restore.ALL.jsonName());
        ForkRequest.Restore restore = ForkRequest.Restore.fromJsonName(restoreName).orElseThrow(() -> invalid(
                "/from/restore", "Unknown restore '" + restoreName + "'; use " + JsonNamed.choices(ForkRequest.Restore.class) + "."));
        // Another tenant's job is as unknown as a missing one.
        Job parent = jobs.findByIdAndTenantId(from.jobId(), tenant).orElseThrow(() -> invalid("/from/jobId",
                "Job " + from.jobId() + " does not exist."));
        if (request.modelId() != null && !request.modelId().equals(parent.modelId())) {
            throw invalid("/modelId", "A fork trains its parent's model " + parent.modelId() + ", not model "
                    + request.modelId() + "; leave modelId out or name the parent's.");
        }
        StoredCheckpoint start = start(parent, from.epoch());
        byte[] preprocessing = artifacts.findById(parent.id()).orElseThrow().preprocessing();
        return new Fork(merged(request, parent), parent.id(), restore, start, PreprocessingCodec.decode(preprocessing),
                preprocessing, optionsJson.read(parent.options()));
    }

    /** The requested epoch's checkpoint, else the best, else the newest; only epoch-boundary ones can start a fork. */
    private StoredCheckpoint start(Job parent, Integer epoch) {
        List<StoredCheckpoint> available = checkpoints.findByJobIdOrderByEpochDescBatchDesc(parent.id()).stream()
                .filter(c -> c.batch() == 0).toList();
        if (available.isEmpty()) {
            throw new ConflictException("no-checkpoint", "No checkpoint to fork from", "Job " + parent.id()
                    + " has no epoch checkpoint yet; fork it once it has finished an epoch.",
                    List.of(Fault.atPointer("/from/jobId", "Job " + parent.id() + " has no epoch checkpoint.")));
        }
        if (epoch == null) {
            return available.stream().filter(StoredCheckpoint::best).findFirst().orElse(available.get(0));
        }
        return available.stream().filter(c -> c.epoch() == epoch).findFirst().orElseThrow(() -> {
            String epochs = available.stream().map(StoredCheckpoint::epoch).sorted(Comparator.naturalOrder())
                    .map(String::valueOf).collect(Collectors.joining(", "));
            String message = "Job " + parent.id() + " keeps no checkpoint of epoch " + epoch
                    + "; its checkpoints are at epochs " + epochs + ".";
            return new ConflictException("checkpoint-unavailable", "Checkpoint not available", message,
                    List.of(Fault.atPointer("/from/epoch", message)));
        });
    }

    /** The parent's options with every field the request gives put over them; the parent's model and dataset by default. */
    private CreateJobRequest merged(CreateJobRequest request, Job parent) {
        ObjectNode merged = (ObjectNode) json.readTree(parent.options());
        merged.put("modelId", parent.modelId().toString());
        merged.put("datasetId", parent.datasetId().toString());
        JsonNode given = json.valueToTree(request);
        for (Map.Entry<String, JsonNode> field : given.properties()) {
            if (!field.getValue().isNull()) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return json.readerFor(CreateJobRequest.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(merged);
    }

    static InvalidInputException invalid(String pointer, String message) {
        return new InvalidInputException("invalid-fork", "Invalid fork", message, List.of(Fault.atPointer(pointer, message)));
    }
}
