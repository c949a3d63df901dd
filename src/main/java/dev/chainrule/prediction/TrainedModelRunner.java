package dev.chainrule.prediction;

import java.util.List;
import java.util.UUID;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.stereotype.Component;

import dev.chainrule.encoding.Prediction;
import dev.chainrule.job.TrainedModel;

/**
 * The cached trained models for other ways of asking them than the native predictions API (the KServe
 * v2 endpoints): the same cache, the same limits, the same forward pass and decoding.
 */
@Component
public class TrainedModelRunner {

    private final TrainedModelCache models;
    private final PredictionLimits limits;

    TrainedModelRunner(TrainedModelCache models, PredictionLimits limits) {
        this.models = models;
        this.limits = limits;
    }

    /**
     * The job's current model; throws the refusals of {@link dev.chainrule.job.TrainedModels} (no such job,
     * no trained parameters yet).
     */
    public TrainedModel model(UUID jobId) {
        return models.get(jobId);
    }

    /** Most instances one request may send ({@code chainrule.predictions.max-instances}). */
    public int maxInstances() {
        return limits.maxInstances();
    }

    /**
     * One forward pass over encoded features [n, inputs], decoded into labels and probabilities or
     * values. Callers of one cached network take turns, as {@link PredictionService} does: the engine may
     * reuse its buffers between calls.
     */
    public List<Prediction> predict(TrainedModel model, INDArray features) {
        INDArray outputs;
        synchronized (model.network()) {
            outputs = model.network().predict(features);
        }
        return model.preprocessing().decode(outputs);
    }
}
