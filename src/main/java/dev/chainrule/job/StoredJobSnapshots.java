package dev.chainrule.job;

import java.util.List;
import java.util.UUID;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.chainrule.encoding.PreprocessingCodec;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.fault.NotFoundException;

/** Reads a job's options and preprocessing with the parameters of one of its epoch checkpoints. */
@Component
class StoredJobSnapshots implements JobSnapshots {

    private final JobRepository jobs;
    private final JobArtifactRepository artifacts;
    private final StoredCheckpointRepository checkpoints;
    private final JobOptionsJson optionsJson;

    StoredJobSnapshots(JobRepository jobs, JobArtifactRepository artifacts, StoredCheckpointRepository checkpoints,
            JobOptionsJson optionsJson) {
        this.jobs = jobs;
        this.artifacts = artifacts;
        this.checkpoints = checkpoints;
        this.optionsJson = optionsJson;
    }

    @Override
    @Transactional(readOnly = true)
    public JobSnapshot at(UUID jobId, int epoch) {
        Job job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        JobArtifact artifact = artifacts.findById(jobId).orElseThrow(() -> new NotFoundException("Job", jobId));
        JobOptions options = optionsJson.read(job.options());
        INDArray parameters = epoch == 0 ? null : checkpointParameters(jobId, epoch);
        return new JobSnapshot(jobId, job.modelId(), job.datasetId(), epoch,
                PreprocessingCodec.decode(artifact.preprocessing()), options.precision(), options.seed(),
                options.optimizer().toSpec(), parameters);
    }

    private INDArray checkpointParameters(UUID jobId, int epoch) {
        List<StoredCheckpoint> kept = checkpoints.findByJobIdOrderByEpoch(jobId).stream()
                .filter(c -> c.batch() == 0).toList();
        return kept.stream().filter(c -> c.epoch() == epoch).findFirst()
                .map(c -> c.toTrainerCheckpoint().parameters())
                .orElseThrow(() -> {
                    String message = "Job " + jobId + " keeps no checkpoint of epoch " + epoch + "; it keeps epochs "
                            + kept.stream().map(StoredCheckpoint::epoch).toList() + " (and 0, the initial parameters).";
                    return new InvalidInputException("no-such-checkpoint", "No checkpoint of that epoch", message,
                            List.of(Fault.atPointer("/epoch", message)));
                });
    }
}
