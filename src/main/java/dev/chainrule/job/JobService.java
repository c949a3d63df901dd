package dev.chainrule.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.JsonNamed;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.ParameterCodec;
import dev.chainrule.ops.JobMetrics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creating, reading and cancelling jobs; training itself is the {@link JobRunner}'s. */
@Service
class JobService {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final EpochRecordRepository epochs;
    private final StoredCheckpointRepository checkpoints;
    private final JobOptionsJson optionsJson;
    private final ModelCatalog models;
    private final DatasetReader datasets;
    private final JobRunner runner;
    private final JobMetrics metrics;
    private final TransactionTemplate transaction;
    private final JobForks forks;
    private final JobForkRepository forkRows;
    private final JobEvaluationRepository evaluations;
    private final JsonMapper json;

    JobService(JobRepository jobs, JobArtifactRepository artifacts, EpochRecordRepository epochs,
            StoredCheckpointRepository checkpoints, JobOptionsJson optionsJson, ModelCatalog models,
            DatasetReader datasets, JobRunner runner, JobMetrics metrics, TransactionTemplate transaction,
            JobForks forks, JobForkRepository forkRows, JobEvaluationRepository evaluations, JsonMapper json) {
        this.evaluations = evaluations;
        this.json = json;
        this.forks = forks;
        this.forkRows = forkRows;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.epochs = epochs;
        this.checkpoints = checkpoints;
        this.optionsJson = optionsJson;
        this.models = models;
        this.datasets = datasets;
        this.runner = runner;
        this.metrics = metrics;
        this.transaction = transaction;
    }

    JobView create(CreateJobRequest request) {
        if (request.from() != null) {
            return fork(request);
        }
        requireIds(request);
        JobOptions options = JobOptionsResolver.resolve(request);
        StoredModel model = referenced("/modelId", () -> models.get(request.modelId()));
        DatasetData data = referenced("/datasetId", () -> datasets.read(request.datasetId()));
        Preprocessing preprocessing = JobCompatibility.fit(model, data, options);
        Job job = new Job(UUID.randomUUID(), model.id(), data.id(), optionsJson.write(options), options.epochs(),
                Instant.now(), request.priority() == null ? 0 : request.priority());
        transaction.executeWithoutResult(status -> {
            jobs.save(job);
            artifacts.save(new JobArtifact(job.id(), preprocessing.toBytes()));
        });
        return JobView.of(job, options);
    }

    /** A job that starts from another's checkpoint, under the parent's preprocessing. */
    private JobView fork(CreateJobRequest requested) {
        JobForks.Fork fork = forks.plan(requested, optionsJson);
        CreateJobRequest request = fork.request();
        JobOptions options = JobOptionsResolver.resolve(request);
        StoredModel model = referenced("/modelId", () -> models.get(request.modelId()));
        DatasetData data = referenced("/datasetId", () -> datasets.read(request.datasetId()));
        JobCompatibility.fit(model, data, options);
        fork.check(data, options);
        Job job = new Job(UUID.randomUUID(), model.id(), data.id(), optionsJson.write(options), options.epochs(),
                Instant.now(), request.priority() == null ? 0 : request.priority());
        JobFork row = new JobFork(job.id(), fork.parentId(), fork.restore(), fork.start().toTrainerCheckpoint());
        transaction.executeWithoutResult(status -> {
            jobs.save(job);
            artifacts.save(new JobArtifact(job.id(), fork.preprocessingBytes()));
            forkRows.save(row);
        });
        return JobView.of(job, options, row.toView(), null);
    }

    private static void requireIds(CreateJobRequest request) {
        List<Fault> missing = new ArrayList<>();
        if (request.datasetId() == null) {
            missing.add(Fault.atPointer("/datasetId", "must not be null unless the job is a fork (from)"));
        }
        if (request.modelId() == null) {
            missing.add(Fault.atPointer("/modelId", "must not be null unless the job is a fork (from)"));
        }
        if (!missing.isEmpty()) {
            throw new MalformedInputException("invalid-job", "Invalid job options",
                    "A job names its model and dataset (modelId, datasetId) unless it is a fork (from).", missing);
        }
    }

    JobView get(UUID id) {
        return view(find(id));
    }

    /** Newest first; {@code status} (a state's JSON name) filters when given. */
    Page<JobView> list(String status, Pageable page) {
        PageRequest newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<Job> found = status == null ? jobs.findAll(newestFirst)
                : jobs.findByStatus(JobStatus.fromJsonName(status).orElseThrow(() -> unknownStatus(status)), newestFirst);
        return found.map(this::view);
    }

    /**
     * Cancels a queued or running job at once and answers with its cancelled state; a running job's
     * training stops at its next batch here, or after its owner's next heartbeat elsewhere.
     */
    JobView cancel(UUID id) {
        if (jobs.cancel(id, Instant.now()) == 0) {
            Job job = find(id);
            throw new ConflictException("job-finished", "Job already finished",
                    "Job " + id + " is already " + job.status().jsonName() + " and cannot be cancelled.");
        }
        metrics.jobFinished(JobStatus.CANCELLED.jsonName());
        runner.stopCancelled(id);
        return get(id);
    }

    List<HistoryEntry> history(UUID id) {
        find(id);
        return epochs.findByJobIdOrderByEpoch(id).stream().map(HistoryEntry::of).toList();
    }

    /** Each job's history and options side by side; an unknown id is a 404 naming it. */
    JobComparison compare(String ids) {
        List<UUID> jobIds = JobComparison.ids(ids);
        List<List<HistoryEntry>> histories = new ArrayList<>();
        List<JsonNode> options = new ArrayList<>();
        for (UUID id : jobIds) {
            Job job = find(id);
            histories.add(history(id));
            ObjectNode row = json.createObjectNode();
            row.put("modelId", job.modelId().toString());
            row.put("datasetId", job.datasetId() == null ? null : job.datasetId().toString());
            row.setAll((ObjectNode) json.readTree(job.options()));
            options.add(row);
        }
        return JobComparison.of(jobIds, histories, options);
    }

    List<CheckpointView> checkpoints(UUID id) {
        find(id);
        List<CheckpointView> views = new ArrayList<>(
                checkpoints.findSummariesNewestFirst(id).stream().map(CheckpointView::of).toList());
        Collections.reverse(views);
        return views;
    }

    List<LayerParameters> parameters(UUID id) {
        find(id);
        byte[] parameters = artifacts.findById(id).map(JobArtifact::parameters).orElse(null);
        if (parameters == null) {
            throw noParametersYet(id);
        }
        return ParameterCodec.decode(parameters);
    }

    private static MalformedInputException unknownStatus(String status) {
        return MalformedInputException.parameter("status",
                "Unknown status '" + status + "'; use " + JsonNamed.choices(JobStatus.class) + ".");
    }

    static ConflictException noParametersYet(UUID id) {
        return new ConflictException("no-parameters", "No trained parameters yet",
                "Job " + id + " has not finished an epoch yet, so it has no trained parameters.");
    }

    private Job find(UUID id) {
        return jobs.findById(id).orElseThrow(() -> new NotFoundException("Job", id));
    }

    private JobView view(Job job) {
        return JobView.of(job, optionsJson.read(job.options()),
                forkRows.findById(job.id()).map(JobFork::toView).orElse(null),
                evaluations.findById(job.id()).map(JobEvaluation::toView).orElse(null));
    }

    /** A missing model or dataset named in the body is a fault of the body: 422 at its pointer. */
    private static <T> T referenced(String pointer, Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (NotFoundException e) {
            throw new InvalidInputException("unknown-reference", "Unknown reference", e.getMessage(),
                    List.of(Fault.atPointer(pointer, e.getMessage())));
        }
    }
}
