package dev.chainrule.glassbox;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.springframework.stereotype.Service;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.job.JobSnapshot;
import dev.chainrule.job.JobSnapshots;
import dev.chainrule.job.TrainedJobs;
import dev.chainrule.job.OptimizerOptions;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.JsonNamed;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.optim.OptimizerSpec;
import dev.chainrule.nn.optim.OptimizerSpecs;
import dev.chainrule.nn.train.TrainingStep;

/**
 * {@code POST /models/{id}/step}: resolves the rows, the starting parameters and the update rule, then
 * runs {@link TrainingStep} (the trainer's own first step) and answers every value it computed.
 */
@Service
class StepService {

    private final ModelCatalog models;
    private final JobSnapshots snapshots;
    private final ModelInputs inputs;
    private final GlassBoxLimits limits;
    private final TrainedJobs jobs;

    StepService(ModelCatalog models, JobSnapshots snapshots, ModelInputs inputs, GlassBoxLimits limits,
            TrainedJobs jobs) {
        this.jobs = jobs;
        this.models = models;
        this.snapshots = snapshots;
        this.inputs = inputs;
        this.limits = limits;
    }

    StepResponse step(UUID tenant, UUID modelId, StepRequest request) {
        models.requireOwned(tenant, modelId);
        StoredModel model = models.get(modelId);
        JobSnapshot job = request.jobId() == null ? null : snapshot(tenant, modelId, request);
        Precision precision = precision(request.dtype(), job);
        OptimizerSpec optimizer = optimizer(request.optimizer(), job);
        long seed = job != null ? job.seed() : request.seed() == null ? 0 : request.seed();
        INDArray[] rows = request.instances() != null ? inline(tenant, model, request, job, precision)
                : fromDataset(tenant, model, request, job, precision);
        int inputWidth = (int) rows[0].columns();
        checkSize(model, inputWidth, (int) rows[0].rows());
        if (model.hasBatchNorm() && rows[0].rows() < 2) {
            throw ModelInputs.invalid(request.instances() != null ? "/instances" : "/rows", "The model has batch_norm "
                    + "layers, which need at least 2 rows in a training step; got " + rows[0].rows() + ".");
        }
        Network network = ModelInputs.network(model, inputWidth, precision);
        if (job != null && job.parameters() != null) {
            if (job.parameters().length() != network.parameterVector().length()) {
                throw ModelInputs.invalid("/jobId", "Job " + job.jobId() + " holds " + job.parameters().length()
                        + " parameters but the model on these rows has " + network.parameterVector().length() + ".");
            }
            network.parameterVector().assign(job.parameters().castTo(network.dataType()));
        }
        double[][] input = rows[0].toDoubleMatrix();
        double[][] target = rows[1].toDoubleMatrix();
        TrainingStep.Trace trace = TrainingStep.run(network, rows[0], rows[1], optimizer, seed);
        return StepResponse.of(trace, input, target);
    }

    private JobSnapshot snapshot(UUID tenant, UUID modelId, StepRequest request) {
        int epoch = request.epoch() == null ? 0 : request.epoch();
        if (epoch < 0) {
            throw ModelInputs.invalid("/epoch", "'epoch' must be 0 or more, was " + epoch + ".");
        }
        jobs.requireOwned(tenant, request.jobId());
        JobSnapshot job = snapshots.at(request.jobId(), epoch);
        if (!job.modelId().equals(modelId)) {
            throw ModelInputs.invalid("/jobId", "Job " + job.jobId() + " trains model " + job.modelId() + ", not "
                    + modelId + ".");
        }
        return job;
    }

    private static Precision precision(String dtype, JobSnapshot job) {
        if (dtype == null) {
            return job == null ? Precision.FLOAT32 : job.precision();
        }
        return Precision.fromJsonName(dtype).orElseThrow(() -> ModelInputs.invalid("/dtype",
                "Unknown dtype '" + dtype + "'; use " + JsonNamed.choices(Precision.class) + "."));
    }

    private static OptimizerSpec optimizer(OptimizerOptions requested, JobSnapshot job) {
        if (requested == null && job != null) {
            return job.optimizer();
        }
        OptimizerSpec spec = (requested == null ? new OptimizerOptions.Adam(null, null, null, null, null) : requested)
                .withDefaults().toSpec();
        try {
            OptimizerSpecs.check(spec);
        } catch (IllegalArgumentException e) {
            throw ModelInputs.invalid("/optimizer", "Optimizer: " + e.getMessage() + ".");
        }
        return spec;
    }

    private INDArray[] fromDataset(UUID tenant, StoredModel model, StepRequest request, JobSnapshot job,
            Precision precision) {
        DatasetData data = inputs.dataset(tenant, request.datasetId() != null || job == null ? request.datasetId()
                : job.datasetId());
        int offset = request.offset() == null ? 0 : request.offset();
        if (offset < 0 || offset >= data.rows()) {
            throw ModelInputs.invalid("/offset", "'offset' must be in [0, " + (data.rows() - 1) + "] for dataset '"
                    + data.name() + "' of " + data.rows() + " rows, was " + offset + ".");
        }
        int count = request.rows() == null ? Math.min(limits.maxRows(), data.rows() - offset) : request.rows();
        checkRowCount("/rows", count);
        if (offset + count > data.rows()) {
            throw ModelInputs.invalid("/rows", "Rows " + offset + " to " + (offset + count - 1) + " are past the end "
                    + "of dataset '" + data.name() + "', which has " + data.rows() + " rows.");
        }
        boolean standardize = request.standardize() == null || request.standardize();
        Preprocessing preprocessing = job != null ? job.preprocessing() : ModelInputs.fit(model, data, standardize);
        ModelInputs.checkWidths(model, preprocessing.inputs(), preprocessing.outputs(), "/datasetId", "/datasetId");
        var encoded = preprocessing.encode(data, IntStream.range(offset, offset + count).toArray(), precision);
        return new INDArray[] {encoded.features(), encoded.targets()};
    }

    /**
     * Inline rows are raw values, encoded as the rows of a job: by the job's preprocessing with
     * {@code jobId}, by one fitted on the dataset with {@code datasetId}; with neither there is no
     * encoding to apply, so the rows are numbers that the network takes as they are.
     */
    private INDArray[] inline(UUID tenant, StoredModel model, StepRequest request, JobSnapshot job, Precision precision) {
        if (job != null && request.datasetId() != null) {
            throw ModelInputs.invalid("/datasetId", "With jobId, inline instances are encoded by the job's own "
                    + "preprocessing; send no datasetId.");
        }
        List<Object> instances = request.instances();
        checkRowCount("/instances", instances.size());
        if (request.targets() == null || request.targets().size() != instances.size()) {
            throw ModelInputs.invalid("/targets", "'targets' needs one entry per instance (" + instances.size()
                    + "), had " + (request.targets() == null ? "none" : request.targets().size()) + ".");
        }
        boolean standardize = request.standardize() == null || request.standardize();
        Preprocessing preprocessing = job != null ? job.preprocessing()
                : request.datasetId() != null ? ModelInputs.fit(model, inputs.dataset(tenant, request.datasetId()), standardize)
                : null;
        if (preprocessing == null) {
            INDArray x = Nd4j.createFromArray(StepRows.matrix(instances, "/instances", false))
                    .castTo(Network.dataType(precision));
            INDArray y = Nd4j.createFromArray(StepRows.matrix(request.targets(), "/targets", true))
                    .castTo(Network.dataType(precision));
            ModelInputs.checkWidths(model, (int) x.columns(), (int) y.columns(), "/instances", "/targets");
            return new INDArray[] {x, y};
        }
        ModelInputs.checkWidths(model, preprocessing.inputs(), preprocessing.outputs(), "/instances", "/targets");
        INDArray x = preprocessing.encodeInstances(instances, precision);
        INDArray y = Nd4j.createFromArray(RawTargets.encode(preprocessing.target(), request.targets()))
                .castTo(Network.dataType(precision));
        return new INDArray[] {x, y};
    }

    private void checkRowCount(String pointer, int count) {
        if (count < 1 || count > limits.maxRows()) {
            throw ModelInputs.invalid(pointer, "A step takes 1 to " + limits.maxRows() + " rows, was " + count + ".");
        }
    }

    /** Refuses before computing a response larger than {@code max-step-values}. */
    private void checkSize(StoredModel model, int inputWidth, int rows) {
        long values = StepSize.values(model.layers(), inputWidth, rows);
        if (values > limits.maxStepValues()) {
            throw ModelInputs.invalid("/rows", "The step would answer " + values + " values, more than the limit of "
                    + limits.maxStepValues() + " (chainrule.glassbox.max-step-values); send fewer rows or use a "
                    + "smaller model.");
        }
    }

    /** How many numbers a step's response holds. */
    static final class StepSize {
        private StepSize() {
        }

        static long values(List<LayerSpec> layers, int inputs, int rows) {
            long[] total = {(long) rows * inputs};
            long width = walk(layers, inputs, rows, total);
            return total[0] + (long) rows * width;                        // the targets
        }

        private static long walk(List<LayerSpec> layers, long width, int rows, long[] total) {
            long current = width;
            for (LayerSpec layer : layers) {
                if (layer instanceof LayerSpec.Dense dense) {
                    total[0] += dense(current, dense.units(), rows);
                    current = dense.units();
                } else if (layer instanceof LayerSpec.Residual residual) {
                    long inner = walk(residual.layers(), current, rows, total);
                    total[0] += residual.projection() ? dense(current, inner, rows) : 0;
                    current = inner;
                } else if (layer instanceof LayerSpec.BatchNorm) {
                    total[0] += 4 * 2 * current + 2L * rows * current;  // γ, β as W, b; a, dL/da
                } else {
                    total[0] += 2L * rows * current;                    // a, dL/da
                }
            }
            return current;
        }

        // W, b, gradients, update, after; z, a, dL/da, dL/dz
        private static long dense(long fanIn, long units, int rows) {
            return 4 * (fanIn * units + units) + 4L * rows * units;
        }
    }
}
