package dev.chainrule.glassbox;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.nn.LayerParameters;
import dev.chainrule.nn.LayerSpec;
import dev.chainrule.nn.Network;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.check.GradientCheck;
import dev.chainrule.nn.train.LabeledData;

/**
 * {@code POST /models/{id}/gradient-check}: the model's initial parameters on a seeded sample of a
 * dataset's rows, encoded as a job would encode them, checked by {@link GradientCheck} in float64.
 * Its cost is estimated first and refused above {@code max-check-work}.
 */
@Service
class GradientCheckService {

    private static final int DEFAULT_ROWS = 16;
    private static final int DEFAULT_SAMPLES = 200;

    private final ModelCatalog models;
    private final ModelInputs inputs;
    private final GlassBoxLimits limits;

    GradientCheckService(ModelCatalog models, ModelInputs inputs, GlassBoxLimits limits) {
        this.models = models;
        this.inputs = inputs;
        this.limits = limits;
    }

    GradientCheckResponse check(UUID tenant, UUID modelId, GradientCheckRequest request) {
        models.requireOwned(tenant, modelId);
        StoredModel model = models.get(modelId);
        int rows = request.rows() == null ? DEFAULT_ROWS : request.rows();
        if (rows < 1 || rows > limits.maxRows()) {
            throw ModelInputs.invalid("/rows", "A gradient check takes 1 to " + limits.maxRows() + " rows, was "
                    + rows + ".");
        }
        int samples = request.samplesPerLayer() == null ? DEFAULT_SAMPLES : request.samplesPerLayer();
        if (samples < 1 || samples > limits.maxSamplesPerLayer()) {
            throw ModelInputs.invalid("/samplesPerLayer", "'samplesPerLayer' must be 1 to "
                    + limits.maxSamplesPerLayer() + ", was " + samples + ".");
        }
        long seed = request.seed() == null ? 0 : request.seed();
        DatasetData data = inputs.dataset(tenant, request.datasetId());
        if (rows > data.rows()) {
            throw ModelInputs.invalid("/rows", "Dataset '" + data.name() + "' has only " + data.rows() + " rows; "
                    + rows + " were asked for.");
        }
        Preprocessing preprocessing = ModelInputs.fit(model, data, true);
        checkWork(model, preprocessing.inputs(), rows, samples);
        if (model.hasBatchNorm() && rows < 2) {
            throw ModelInputs.invalid("/rows", "The model has batch_norm layers, which need at least 2 rows to "
                    + "normalize over; " + rows + " was asked for.");
        }
        int[] chosen = chooseRows(data.rows(), rows, seed);
        LabeledData encoded = preprocessing.encode(data, chosen, Precision.FLOAT64);
        Network network = ModelInputs.network(model, preprocessing.inputs(), Precision.FLOAT64);
        List<LayerParameters> parameters = network.exportParameters();
        return GradientCheckResponse.of(GradientCheck.check(network.spec(), parameters, encoded.features(),
                encoded.targets(), samples, seed));
    }

    /** Adds each layer's parameters and checked values to {@code tally}; returns the width after the layers. */
    private static long tally(List<LayerSpec> layers, long width, int rows, int samples, long[] tally) {
        long current = width;
        for (LayerSpec layer : layers) {
            tally[1] += Math.min(samples, rows * current);
            if (layer instanceof LayerSpec.Dense dense) {
                tally[0] += current * dense.units() + dense.units();
                tally[1] += Math.min(samples, current * dense.units()) + Math.min(samples, dense.units());
                current = dense.units();
            } else if (layer instanceof LayerSpec.BatchNorm) {
                tally[0] += 2 * current;
                tally[1] += 2 * Math.min(samples, current);
            } else if (layer instanceof LayerSpec.Residual residual) {
                long inner = tally(residual.layers(), current, rows, samples, tally);
                if (residual.projection()) {
                    tally[0] += current * inner + inner;
                    tally[1] += Math.min(samples, current * inner) + Math.min(samples, inner);
                }
                current = inner;
            }
        }
        return current;
    }

    /** Two loss evaluations per checked value, each a forward and backward pass: about 3 multiply-adds per weight and row. */
    private void checkWork(StoredModel model, int inputWidth, int rows, int samples) {
        long[] weightsAndChecks = {0, 0};
        tally(model.layers(), inputWidth, rows, samples, weightsAndChecks);
        long work = 2 * weightsAndChecks[1] * 3 * rows * weightsAndChecks[0];
        if (work > limits.maxCheckWork()) {
            throw ModelInputs.invalid("/samplesPerLayer", "This check would cost about " + work + " multiply-adds, "
                    + "more than the limit of " + limits.maxCheckWork() + " (chainrule.glassbox.max-check-work); "
                    + "ask for fewer rows or samplesPerLayer.");
        }
    }

    /** {@code count} distinct rows drawn from {@code seed}, in dataset order. */
    private static int[] chooseRows(int available, int count, long seed) {
        int[] all = IntStream.range(0, available).toArray();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(available - i);
            int swap = all[i];
            all[i] = all[j];
            all[j] = swap;
        }
        int[] chosen = Arrays.copyOf(all, count);
        Arrays.sort(chosen);
        return chosen;
    }
}
