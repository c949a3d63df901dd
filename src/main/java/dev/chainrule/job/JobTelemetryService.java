package dev.chainrule.job;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.chainrule.diagnosis.Diagnoser;
import dev.chainrule.diagnosis.Diagnosis;
import dev.chainrule.diagnosis.LayerTelemetryView;
import dev.chainrule.diagnosis.TrainingRecord;
import dev.chainrule.fault.MalformedInputException;
import dev.chainrule.fault.NotFoundException;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.nn.FlatLayers;

/** A job's per-layer telemetry as stored every epoch, and the diagnosis read from it. */
@Service
class JobTelemetryService {

    /** The words of the reason a diverged run fails with (see {@code TrainingLoop}). */
    private static final String DIVERGED = "diverged";

    private final JobRepository jobs;
    private final LayerTelemetryRepository telemetry;
    private final EpochRecordRepository epochs;
    private final JobOptionsJson optionsJson;
    private final ModelCatalog models;

    JobTelemetryService(JobRepository jobs, LayerTelemetryRepository telemetry, EpochRecordRepository epochs,
            JobOptionsJson optionsJson, ModelCatalog models) {
        this.jobs = jobs;
        this.telemetry = telemetry;
        this.epochs = epochs;
        this.optionsJson = optionsJson;
        this.models = models;
    }

    /** Ordered by epoch, then layer; {@code layer} and {@code fromEpoch} filter when given. */
    List<LayerTelemetryView> layers(UUID tenant, UUID id, Integer layer, Integer fromEpoch) {
        if (layer != null && layer < 0) {
            throw MalformedInputException.parameter("layer",
                    "Parameter 'layer' is a layer's position in the model, counted from 0; got " + layer + ".");
        }
        if (fromEpoch != null && fromEpoch < 1) {
            throw MalformedInputException.parameter("fromEpoch",
                    "Parameter 'fromEpoch' counts epochs from 1; got " + fromEpoch + ".");
        }
        find(tenant, id);
        return telemetry.find(id, fromEpoch == null ? 1 : fromEpoch, layer).stream()
                .map(LayerTelemetryRecord::toView).toList();
    }

    Diagnosis diagnosis(UUID tenant, UUID id) {
        Job job = find(tenant, id);
        JobOptions options = optionsJson.read(job.options());
        List<TrainingRecord.EpochLosses> history = epochs.findByJobIdOrderByEpoch(id).stream()
                .map(r -> new TrainingRecord.EpochLosses(r.epoch(), r.metrics().loss(), r.metrics().valLoss()))
                .toList();
        boolean diverged = job.status() == JobStatus.FAILED && job.error() != null
                && job.error().contains(DIVERGED);
        Integer divergedIn = diverged ? history.size() + 1 : null;
        List<LayerTelemetryView> layers = telemetry.find(id, 1, null).stream().map(LayerTelemetryRecord::toView)
                .toList();
        return Diagnoser.diagnose(new TrainingRecord(layers, history, activations(job.modelId()),
                options.optimizer().learningRate(), divergedIn));
    }

    /** Each layer's activation name; empty when the model is gone (the advice is then less specific). */
    private List<String> activations(UUID modelId) {
        List<String> names = new ArrayList<>();
        try {
            for (FlatLayers.Layer layer : FlatLayers.of(models.get(modelId).layers())) {
                names.add(layer.activation() == null ? null : layer.activation().jsonName());
            }
        } catch (NotFoundException e) {
            return List.of();
        }
        return names;
    }

    private Job find(UUID tenant, UUID id) {
        return jobs.findByIdAndTenantId(id, tenant).orElseThrow(() -> new NotFoundException("Job", id));
    }
}
