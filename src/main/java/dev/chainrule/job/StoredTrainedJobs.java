package dev.chainrule.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.JsonPointers;
import dev.chainrule.fault.JsonReadFaults;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.nn.ParameterCodec;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads a job's trained state whole, and stores imported models as finished jobs. */
@Component
class StoredTrainedJobs implements TrainedJobs {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final JobOptionsJson optionsJson;
    private final JsonMapper json;
    private final Validator validator;

    StoredTrainedJobs(JobRepository jobs, JobArtifactRepository artifacts, JobOptionsJson optionsJson, JsonMapper json,
            Validator validator) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.optionsJson = optionsJson;
        this.json = json;
        this.validator = validator;
    }

    @Override
    public JobStatus status(UUID jobId) {
        return find(jobId).status();
    }

    @Override
    @Transactional(readOnly = true)
    public void requireOwned(UUID tenant, UUID jobId) {
        if (!jobs.existsByIdAndTenantId(jobId, tenant)) {
            throw new NotFoundException("Job", jobId);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public TrainedJob read(UUID jobId) {
        Job job = find(jobId);
        JobArtifact artifact = artifacts.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        if (artifact.parameters() == null) {
            throw JobService.noParametersYet(jobId);
        }
        return new TrainedJob(jobId, job.kind().jsonName(), job.status().jsonName(), job.modelId(), job.datasetId(),
                job.epoch(), job.epochs(), artifact.version(), json.readTree(job.options()), metrics(job.metrics()),
                optionsJson.read(job.options()).precision(), PreprocessingCodec.decode(artifact.preprocessing()),
                ParameterCodec.decode(artifact.parameters()));
    }

    @Override
    @Transactional
    public UUID store(UUID tenant, ImportedJob imported) {
        JobOptions options = resolve(imported.options());
        // The database keeps microseconds; truncating first makes every later read show the same instant.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Job job = Job.imported(UUID.randomUUID(), imported.modelId(), optionsJson.write(options), imported.epoch(),
                Math.max(imported.epochs(), imported.epoch()), metrics(imported.metrics()), now).ownedBy(tenant);
        jobs.save(job);
        artifacts.save(new JobArtifact(job.id(), imported.preprocessing().toBytes(),
                ParameterCodec.encode(imported.parameters())));
        return job.id();
    }

    /**
     * The same checks and defaults as {@code POST /jobs}, so an imported job shows effective options like
     * any other; a fault is a 422 at its pointer within the options.
     */
    private JobOptions resolve(JsonNode requested) {
        if (requested != null && !requested.isNull() && !requested.isObject()) {
            throw invalidOptions(List.of(Fault.atPointer("", "Training options must be a JSON object.")));
        }
        ObjectNode body = requested == null || requested.isNull() ? json.createObjectNode()
                : ((ObjectNode) requested).deepCopy();
        // The request's ids are not options; placeholders satisfy its required fields.
        body.put("modelId", new UUID(0, 0).toString());
        body.put("datasetId", new UUID(0, 0).toString());
        CreateJobRequest request;
        try {
            request = json.treeToValue(body, CreateJobRequest.class);
        } catch (JacksonException e) {
            throw invalidOptions(List.of(JsonReadFaults.of(e, "Unreadable training option: ")));
        }
        List<Fault> errors = new ArrayList<>();
        for (ConstraintViolation<CreateJobRequest> violation : validator.validate(request)) {
            String pointer = JsonPointers.fromPropertyPath(violation.getPropertyPath().toString());
            errors.add(Fault.atPointer(pointer, "'" + pointer.substring(pointer.lastIndexOf('/') + 1) + "' "
                    + violation.getMessage() + "."));
        }
        if (!errors.isEmpty()) {
            throw invalidOptions(errors);
        }
        try {
            return JobOptionsResolver.resolve(request);
        } catch (DomainException e) {
            throw invalidOptions(e.faults());
        }
    }

    private static InvalidInputException invalidOptions(List<Fault> errors) {
        return new InvalidInputException("invalid-job", "Invalid job options",
                DomainException.summary(errors, "The options have " + errors.size() + " faults."), errors);
    }

    private Job find(UUID jobId) {
        return jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
    }

    private static Map<String, Double> metrics(StoredMetrics m) {
        Map<String, Double> byName = new LinkedHashMap<>();
        if (m != null) {
            putPresent(byName, "loss", m.loss());
            putPresent(byName, "valLoss", m.valLoss());
            putPresent(byName, "accuracy", m.accuracy());
            putPresent(byName, "valAccuracy", m.valAccuracy());
            putPresent(byName, "rmse", m.rmse());
            putPresent(byName, "valRmse", m.valRmse());
        }
        return byName;
    }

    private static void putPresent(Map<String, Double> byName, String name, Double value) {
        if (value != null) {
            byName.put(name, value);
        }
    }

    private static StoredMetrics metrics(Map<String, Double> byName) {
        if (byName.isEmpty()) {
            return null;
        }
        return new StoredMetrics(byName.get("loss"), byName.get("valLoss"), byName.get("accuracy"),
                byName.get("valAccuracy"), byName.get("rmse"), byName.get("valRmse"));
    }
}
