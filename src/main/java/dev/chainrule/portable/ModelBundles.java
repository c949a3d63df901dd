package dev.chainrule.portable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.fault.DomainException;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.job.ImportedJob;
import dev.chainrule.job.TrainedJob;
import dev.chainrule.job.TrainedJobs;
import dev.chainrule.model.ModelDefinitions;
import dev.chainrule.model.ModelResponse;
import dev.chainrule.model.StoredModel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Exports a job's trained model as a bundle, and turns a bundle into a model and a job that serves it. */
@Service
class ModelBundles {

    private final TrainedJobs jobs;
    private final ModelDefinitions definitions;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    ModelBundles(TrainedJobs jobs, ModelDefinitions definitions, TransactionTemplate transaction, JsonMapper json) {
        this.jobs = jobs;
        this.definitions = definitions;
        this.transaction = transaction;
        this.json = json;
    }

    Download<ModelBundle> export(UUID tenant, UUID jobId) {
        jobs.requireOwned(tenant, jobId);
        TrainedJob job = jobs.read(jobId);
        ObjectNode definition = definitions.definition(job.modelId());
        ModelBundle bundle = BundleWriter.write(job, definition, Instant.now());
        return new Download<>(Download.filename(definition.path("name").asString(""), ".chainrule.json"), bundle);
    }

    /**
     * Checks the whole bundle first, then stores the model and its job in one transaction, so a refused
     * bundle leaves nothing behind.
     */
    ImportedModel importBundle(UUID tenant, ModelBundle bundle) {
        BundleReader.checkFormat(bundle);
        BundleFaults faults = new BundleFaults();
        Preprocessing preprocessing = new BundleReader(faults).read(bundle);
        StoredModel model = model(bundle, faults);
        if (model != null && preprocessing != null) {
            BundleFit.check(model, preprocessing, faults);
        }
        faults.throwIfAny();
        return transaction.execute(status -> {
            ModelResponse stored = definitions.store(tenant, model);
            ModelBundle.Source source = bundle.source();
            ImportedJob job = new ImportedJob(stored.id(), bundle.training(),
                    bundle.metrics() == null ? Map.of() : withoutNulls(bundle.metrics()),
                    source == null || source.epoch() == null ? 0 : source.epoch(),
                    source == null || source.epochs() == null ? 0 : source.epochs(), preprocessing, model.parameters());
            return new ImportedModel(storeJob(tenant, job), stored);
        });
    }

    /**
     * The bundle's definition with its parameters, checked by the rules of {@code POST /api/v1/models}; its
     * faults are moved to where they are in the bundle ({@code /model/...}, {@code /parameters/...}). When
     * only the parameters are at fault, the definition alone is returned, so that the fit of the
     * preprocessing can still be judged and reported in the same answer.
     */
    private StoredModel model(ModelBundle bundle, BundleFaults faults) {
        if (bundle.model() == null || !bundle.model().isObject() || bundle.parameters() == null) {
            return null;
        }
        ObjectNode definition = ((ObjectNode) bundle.model()).deepCopy();
        definition.set("parameters", json.valueToTree(bundle.parameters()));
        try {
            return definitions.validate(definition);
        } catch (InvalidInputException invalid) {
            boolean onlyParameters = !invalid.faults().isEmpty();
            for (Fault fault : invalid.faults()) {
                String pointer = fault.pointer() == null ? "" : fault.pointer();
                onlyParameters &= pointer.startsWith("/parameters");
                faults.add(pointer.startsWith("/parameters") ? pointer : "/model" + pointer, fault.message());
            }
            if (invalid.faults().isEmpty()) {
                faults.add("/model", invalid.getMessage());
            }
            return onlyParameters ? withoutParameters(definition) : null;
        }
    }

    private StoredModel withoutParameters(ObjectNode definition) {
        definition.remove("parameters");
        try {
            return definitions.validate(definition);
        } catch (InvalidInputException alsoInvalid) {
            return null;
        }
    }

    private UUID storeJob(UUID tenant, ImportedJob job) {
        try {
            return jobs.store(tenant, job);
        } catch (DomainException refusal) {
            BundleFaults faults = new BundleFaults();
            faults.addNested("/training", refusal);
            faults.throwIfAny();
            throw refusal;
        }
    }

    private static Map<String, Double> withoutNulls(Map<String, Double> metrics) {
        Map<String, Double> present = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (value != null) {
                present.put(name, value);
            }
        });
        return present;
    }
}
