package dev.chainrule.serving;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

import dev.chainrule.encoding.Prediction;
import dev.chainrule.job.TrainedModel;
import dev.chainrule.prediction.TrainedModelRunner;
import dev.chainrule.serving.KServeTypes.InferenceRequest;
import dev.chainrule.serving.KServeTypes.InferenceResponse;
import dev.chainrule.serving.KServeTypes.ModelMetadata;
import dev.chainrule.serving.KServeTypes.ModelReady;
import dev.chainrule.serving.KServeTypes.ServerMetadata;
import dev.chainrule.serving.KServeTypes.ServerReady;

/** Published models as the KServe v2 protocol sees them: metadata, readiness, inference. */
@Service
class KServeModels {

    static final String PLATFORM = "chainrule";

    private final Publications publications;
    private final TrainedModelRunner runner;
    private final String version;

    KServeModels(Publications publications, TrainedModelRunner runner, ObjectProvider<BuildProperties> build) {
        this.publications = publications;
        this.runner = runner;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "unknown" : properties.getVersion();
    }

    ServerMetadata server() {
        return new ServerMetadata(PLATFORM, version, List.of());
    }

    ModelMetadata metadata(UUID tenant, String name, String version) {
        Publication publication = resolve(tenant, name, version);
        TrainedModel model = runner.model(publication.jobId());
        ModelSignature signature = ModelSignature.of(model.preprocessing(), model.network().precision());
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("job_id", publication.jobId().toString());
        parameters.put("task", model.preprocessing().task().jsonName());
        if (signature.offersEncodedInput()) {
            parameters.put("encoded_input", ModelSignature.ENCODED_INPUT);
            parameters.put("encoded_width", signature.width());
        }
        List<String> versions = publications.versions(tenant, name).stream().map(String::valueOf).toList();
        return new ModelMetadata(name, versions, PLATFORM, signature.inputs(), signature.outputs(), parameters);
    }

    /** Ready once the published job's model is loaded, which this call does. */
    ModelReady ready(UUID tenant, String name, String version) {
        Publication publication = resolve(tenant, name, version);
        runner.model(publication.jobId());
        return new ModelReady(name, true);
    }

    InferenceResponse infer(UUID tenant, String name, String version, InferenceRequest request) {
        if (request == null) {
            throw KServeException.badRequest("The request body must be an inference request object.");
        }
        Publication publication = resolve(tenant, name, version);
        TrainedModel model = runner.model(publication.jobId());
        ModelSignature signature = ModelSignature.of(model.preprocessing(), model.network().precision());
        INDArray features = InferenceInputs.encode(request.inputs(), signature, model.preprocessing(),
                model.network().precision(), runner.maxInstances());
        List<Prediction> predictions = runner.predict(model, features);
        return new InferenceResponse(name, String.valueOf(publication.version()), request.id(),
                InferenceOutputs.of(predictions, model.preprocessing().classes(), signature, request.outputs()));
    }

    /** Ready when the publications can be read, which needs the database (else a 503 from the advice). */
    ServerReady ready() {
        publications.checkStore();
        return new ServerReady(true);
    }

    private Publication resolve(UUID tenant, String name, String version) {
        Integer number = null;
        if (version != null) {
            try {
                number = Integer.valueOf(version);
            } catch (NumberFormatException e) {
                throw KServeException.notFound("Model '" + name + "' has no version '" + version
                        + "'; versions are whole numbers.");
            }
        }
        Integer wanted = number;
        return publications.find(tenant, name, wanted).orElseThrow(() -> {
            List<Integer> versions = publications.versions(tenant, name);
            return KServeException.notFound(versions.isEmpty() ? "No model is published as '" + name + "'."
                    : "Model '" + name + "' has no version " + wanted + "; published versions: " + versions + ".");
        });
    }
}
