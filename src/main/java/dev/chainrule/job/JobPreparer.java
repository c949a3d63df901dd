package dev.chainrule.job;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.NetworkSpec;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.LabeledData;
import dev.chainrule.nn.train.TrainerCheckpoint;
import dev.chainrule.nn.train.ValidationSplit;

/**
 * Rebuilds a job's training inputs from what is stored: the same rows, the preprocessing fitted
 * when the job was created, the network as first initialised, and the newest checkpoint. Because
 * all of it (a fork's starting checkpoint too) is a function of stored state, a resumed job continues exactly where it stopped.
 */
@Component
class JobPreparer {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final StoredCheckpointRepository checkpoints;
    private final JobOptionsJson optionsJson;
    private final ModelCatalog models;
    private final DatasetReader datasets;
    private final JobForkRepository forks;

    JobPreparer(JobRepository jobs, JobArtifactRepository artifacts, StoredCheckpointRepository checkpoints,
            JobOptionsJson optionsJson, ModelCatalog models, DatasetReader datasets, JobForkRepository forks) {
        this.forks = forks;
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.optionsJson = optionsJson;
        this.models = models;
        this.datasets = datasets;
    }

    PreparedJob prepare(UUID jobId) {
        Job job = jobs.findById(jobId).orElseThrow();
        JobOptions options = optionsJson.read(job.options());
        Precision precision = options.precision();
        StoredModel model = models.get(job.modelId());
        DatasetData data = datasets.read(job.datasetId());
        Preprocessing preprocessing = PreprocessingCodec.decode(artifacts.findById(jobId).orElseThrow().preprocessing());
        ValidationSplit.Split split = TrainingRows.of(data, options);
        LabeledData train = preprocessing.encode(data, split.train(), precision);
        LabeledData validation = split.validation().length == 0 ? null
                : preprocessing.encode(data, split.validation(), precision);
        NetworkSpec spec = model.toNetworkSpec(preprocessing.inputs());
        Network network = model.parameters() == null ? Network.create(spec, precision)
                : Network.create(spec, precision, model.parameters());
        TrainerCheckpoint resumeFrom = checkpoints.findFirstByJobIdOrderByEpochDescBatchDesc(jobId)
                .map(StoredCheckpoint::toTrainerCheckpoint).orElse(null);
        return new PreparedJob(options, network, train, validation, resumeFrom,
                deadline(job.startedAt(), options.maxRuntimeSeconds()),
                forks.findById(jobId).map(JobFork::toWarmStart).orElse(null),
                ClassWeightsOption.weights(options.classWeights(), preprocessing.classes(), train.classIndices()));
    }

    /** The runtime limit counts from the job's first start, so a resumed job does not get a fresh one. */
    private static Instant deadline(Instant startedAt, Long maxRuntimeSeconds) {
        return maxRuntimeSeconds == null || startedAt == null ? null
                : startedAt.plus(Duration.ofSeconds(maxRuntimeSeconds));
    }
}
