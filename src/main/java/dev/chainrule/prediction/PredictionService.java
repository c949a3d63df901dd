package dev.chainrule.prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.stereotype.Service;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.DatasetReader;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.encoding.Prediction;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.TooLargeException;
import dev.chainrule.job.TrainedJobs;
import dev.chainrule.job.TrainedModel;

/** Runs a job's trained model on client instances or on the rows of a stored dataset. */
@Service
class PredictionService {

    private final TrainedModelCache models;
    private final DatasetReader datasets;
    private final PredictionLimits limits;
    private final TrainedJobs jobs;

    PredictionService(TrainedModelCache models, DatasetReader datasets, PredictionLimits limits, TrainedJobs jobs) {
        this.jobs = jobs;
        this.models = models;
        this.datasets = datasets;
        this.limits = limits;
    }

    PredictionResponse predict(UUID tenant, UUID jobId, List<Object> instances) {
        jobs.requireOwned(tenant, jobId);
        if (instances != null && instances.size() > limits.maxInstances()) {
            String message = tooMany(instances.size());
            throw new TooLargeException("too-many-instances", "Too many instances", message,
                    List.of(Fault.atPointer("/instances", message)));
        }
        TrainedModel model = models.get(jobId);
        INDArray features = model.preprocessing().encodeInstances(instances, model.network().precision());
        return new PredictionResponse(jobId, model.version(), model.preprocessing().decode(forward(model, features)));
    }

    /** The same for a CSV body: a header row, then one row per instance. */
    PredictionResponse predictCsv(UUID tenant, UUID jobId, String csv) {
        jobs.requireOwned(tenant, jobId);
        CsvInstances instances = CsvInstances.read(csv);
        if (instances.rows().size() > limits.maxInstances()) {
            String message = tooMany(instances.rows().size());
            throw new TooLargeException("too-many-instances", "Too many instances", message,
                    List.of(Fault.atRow(limits.maxInstances() + 1L, message)));
        }
        TrainedModel model = models.get(jobId);
        INDArray features = model.preprocessing().encodeRows(instances.header(), instances.rows(),
                model.network().precision());
        return new PredictionResponse(jobId, model.version(), model.preprocessing().decode(forward(model, features)));
    }

    private String tooMany(int count) {
        return "At most " + limits.maxInstances() + " instances per request, got " + count
                + "; split them into several requests.";
    }

    /** The largest {@code limit} of {@link #score}. */
    int maxScoreLimit() {
        return limits.maxPageSize();
    }

    ScoredPage score(UUID tenant, UUID jobId, UUID datasetId, int offset, int limit) {
        jobs.requireOwned(tenant, jobId);
        datasets.requireOwned(tenant, datasetId);
        TrainedModel model = models.get(jobId);
        DatasetData page = datasets.read(datasetId, offset, limit);
        List<ScoredPage.Row> rows = new ArrayList<>(page.rows());
        if (page.rows() > 0) {
            INDArray features = model.preprocessing().encodeFeatures(page, model.network().precision());
            List<Prediction> predictions = model.preprocessing().decode(forward(model, features));
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                rows.add(new ScoredPage.Row(offset + (long) i, p.label(), p.probabilities(), p.value(), p.values(),
                        actual(page.target(), i)));
            }
        }
        return new ScoredPage(jobId, model.version(), datasetId, offset, limit, rows.size(), rows);
    }

    /**
     * One forward pass for the whole batch. A cached network is shared between requests and the engine
     * may reuse its buffers between calls, so callers of the same network take turns.
     */
    private static INDArray forward(TrainedModel model, INDArray features) {
        synchronized (model.network()) {
            return model.network().predict(features);
        }
    }

    private static Object actual(TargetColumn target, int i) {
        if (target instanceof TargetColumn.Classes classes) {
            return classes.classes().get(classes.labels()[i]);
        }
        if (target instanceof TargetColumn.Several several) {
            Map<String, Double> values = new LinkedHashMap<>();
            several.targets().forEach(column -> values.put(column.name(), value(column, i)));
            return values;
        }
        return value((TargetColumn.Values) target, i);
    }

    private static Double value(TargetColumn.Values column, int i) {
        float value = column.values()[i];
        return Float.isNaN(value) ? null : (double) value;
    }

}
