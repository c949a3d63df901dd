package dev.chainrule.job;

import java.time.Duration;
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

import dev.chainrule.access.TenantQuotas;
import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.fault.ConflictException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.fault.QuotaExceededException;
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

    private static final List<JobStatus> ACTIVE = List.of(JobStatus.QUEUED, JobStatus.RUNNING);
    private static final Duration ACTIVE_JOBS_RETRY = Duration.ofSeconds(30);

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
    private final TenantQuotas quotas;
    private final JobForks forks;
    private final JobForkRepository forkRows;
    private final JobEvaluationRepository evaluations;
    private final JsonMapper json;

    JobService(JobRepository jobs, JobArtifactRepository artifacts, EpochRecordRepository epochs,
            StoredCheckpointRepository checkpoints, JobOptionsJson optionsJson, ModelCatalog models,
            DatasetReader datasets, JobRunner runner, JobMetrics metrics, TransactionTemplate transaction,
            TenantQuotas quotas, JobForks forks, JobForkRepository forkRows, JobEvaluationRepository evaluations,
            JsonMapper json) {
        this.quotas = quotas;
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

    JobView create(UUID tenant, CreateJobRequest request) {
        if (request.from() != null) {
            return fork(tenant, request);
        }
        requireIds(request);
        JobOptions options = JobOptionsResolver.resolve(request);
        StoredModel model = referenced("/modelId", () -> {
            models.requireOwned(tenant, request.modelId());
            return models.get(request.modelId());
        });
        DatasetData data = referenced("/datasetId", () -> {
            datasets.requireOwned(tenant, request.datasetId());
            return datasets.read(request.datasetId());
        });
        requireActiveJobsBelowQuota(tenant);
        Preprocessing preprocessing = JobCompatibility.fit(model, data, options);
        Job job = new Job(UUID.randomUUID(), model.id(), data.id(), optionsJson.write(options), options.epochs(),
                Instant.now(), request.priority() == null ? 0 : request.priority()).ownedBy(tenant);
        transaction.executeWithoutResult(status -> {
            jobs.save(job);
            artifacts.save(new JobArtifact(job.id(), preprocessing.toBytes()));
        });
        return JobView.of(job, options);
    }

    /** A job that starts from another's checkpoint, under the parent's preprocessing. */
    private JobView fork(UUID tenant, CreateJobRequest requested) {
        JobForks.Fork fork = forks.plan(tenant, requested, optionsJson);
        CreateJobRequest request = fork.request();
        JobOptions options = JobOptionsResolver.resolve(request);
        StoredModel model = referenced("/modelId", () -> models.get(request.modelId()));
        DatasetData data = referenced("/datasetId", () -> {
            datasets.requireOwned(tenant, request.datasetId());
            return datasets.read(request.datasetId());
        });
        requireActiveJobsBelowQuota(tenant);
        JobCompatibility.fit(model, data, options);
        fork.check(data, options);
        Job job = new Job(UUID.randomUUID(), model.id(), data.id(), optionsJson.write(options), options.epochs(),
                Instant.now(), request.priority() == null ? 0 : request.priority()).ownedBy(tenant);
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

    JobView get(UUID tenant, UUID id) {
        return view(find(tenant, id));
    }

    /** Newest first; {@code status} (a state's JSON name) filters when given. */
    Page<JobView> list(UUID tenant, String status, Pageable page) {
        PageRequest newestFirst = PageRequest.of(page.getPageNumber(), page.getPageSize(),
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")));
        Page<Job> found = status == null ? jobs.findByTenantId(tenant, newestFirst)
                : jobs.findByTenantIdAndStatus(tenant, JobStatus.fromJsonName(status).orElseThrow(() -> unknownStatus(status)), newestFirst);
        return found.map(this::view);
    }

    /**
     * Cancels a queued or running job at once and answers with its cancelled state; a running job's
     * training stops at its next batch here, or after its owner's next heartbeat elsewhere.
     */
    JobView cancel(UUID tenant, UUID id) {
        find(tenant, id);
        if (jobs.cancel(id, Instant.now()) == 0) {
            Job job = find(tenant, id);
            throw new ConflictException("job-finished", "Job already finished",
                    "Job " + id + " is already " + job.status().jsonName() + " and cannot be cancelled.");
        }
        metrics.jobFinished(JobStatus.CANCELLED.jsonName());
        runner.stopCancelled(id);
        return get(tenant, id);
    }

    List<HistoryEntry> history(UUID tenant, UUID id) {
        find(tenant, id);
        return epochs.findByJobIdOrderByEpoch(id).stream().map(HistoryEntry::of).toList();
    }

    /** Each job's history and options side by side; an unknown id is a 404 naming it. */
    JobComparison compare(UUID tenant, String ids) {
        List<UUID> jobIds = JobComparison.ids(ids);
        List<List<HistoryEntry>> histories = new ArrayList<>();
        List<JsonNode> options = new ArrayList<>();
        for (UUID id : jobIds) {
            Job job = find(tenant, id);
            histories.add(history(tenant, id));
            ObjectNode row = json.createObjectNode();
            row.put("modelId", job.modelId().toString());
            row.put("datasetId", job.datasetId() == null ? null : job.datasetId().toString());
            row.setAll((ObjectNode) json.readTree(job.options()));
            options.add(row);
        }
        return JobComparison.of(jobIds, histories, options);
    }

    List<CheckpointView> checkpoints(UUID tenant, UUID id) {
        find(tenant, id);
        List<CheckpointView> views = new ArrayList<>(
                checkpoints.findSummariesNewestFirst(id).stream().map(CheckpointView::of).toList());
        Collections.reverse(views);
        return views;
    }

    List<LayerParameters> parameters(UUID tenant, UUID id) {
        find(tenant, id);
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

    /** Another tenant's job is not found, exactly like one that does not exist. */
    private Job find(UUID tenant, UUID id) {
        return jobs.findByIdAndTenantId(id, tenant).orElseThrow(() -> new NotFoundException("Job", id));
    }

    /**
     * Refuses a job beyond the tenant's {@code maxActiveJobs}. Two creates at the same moment may both
     * pass the count, so the quota may be passed by the requests in flight: a bound, not a lock.
     */
    private void requireActiveJobsBelowQuota(UUID tenant) {
        int max = quotas.of(tenant).maxActiveJobs();
        if (jobs.countByTenantIdAndStatusIn(tenant, ACTIVE) >= max) {
            throw new QuotaExceededException("active-jobs-quota-exceeded", "Active jobs quota exceeded",
                    "The tenant already has its quota maxActiveJobs of " + max + " jobs queued or running; "
                            + "wait for one to finish or cancel one.", ACTIVE_JOBS_RETRY);
        }
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
