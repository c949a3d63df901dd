package dev.chainrule.job;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.ParameterCodec;

/** Builds a job's trained network from its stored parameters and preprocessing. */
@Component
class StoredTrainedModels implements TrainedModels {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final JobOptionsJson optionsJson;
    private final ModelCatalog models;

    StoredTrainedModels(JobRepository jobs, JobArtifactRepository artifacts, JobOptionsJson optionsJson,
            ModelCatalog models) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.optionsJson = optionsJson;
        this.models = models;
    }

    @Override
    public long currentVersion(UUID jobId) {
        return artifacts.findVersion(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
    }

    @Override
    public TrainedModel load(UUID jobId) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        JobArtifact artifact = artifacts.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        if (artifact.parameters() == null) {
            throw JobService.noParametersYet(jobId);
        }
        Preprocessing preprocessing = PreprocessingCodec.decode(artifact.preprocessing());
        Network network = Network.create(models.get(job.modelId()).toNetworkSpec(preprocessing.inputs()),
                optionsJson.read(job.options()).precision(), ParameterCodec.decode(artifact.parameters()));
        return new TrainedModel(jobId, artifact.version(), network, preprocessing);
    }
}
