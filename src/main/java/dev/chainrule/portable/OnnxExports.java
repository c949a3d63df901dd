package dev.chainrule.portable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.job.TrainedJob;
import dev.chainrule.job.TrainedJobs;
import dev.chainrule.model.ModelCatalog;
import dev.chainrule.model.StoredModel;
import dev.chainrule.portable.onnx.OnnxModel;
import dev.chainrule.portable.onnx.OnnxModelWriter;
import tools.jackson.databind.json.JsonMapper;

/** A job's trained model, with its preprocessing, as an ONNX file. */
@Service
class OnnxExports {

    private final TrainedJobs jobs;
    private final ModelCatalog models;
    private final JsonMapper json;
    private final String version;

    OnnxExports(TrainedJobs jobs, ModelCatalog models, JsonMapper json, ObjectProvider<BuildProperties> build) {
        this.jobs = jobs;
        this.models = models;
        this.json = json;
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "unknown" : properties.getVersion();
    }

    Download<byte[]> export(UUID tenant, UUID jobId) {
        jobs.requireOwned(tenant, jobId);
        TrainedJob job = jobs.read(jobId);
        StoredModel model = models.get(job.modelId());
        String description = "Model '" + model.name() + "' trained by Chainrule job " + jobId + " ("
                + job.preprocessing().task().jsonName() + ", " + job.precision().jsonName() + ")";
        OnnxModel onnx = new OnnxModel(model.name(), description, version, model.layers(), job.parameters(),
                job.precision(), job.preprocessing(), metadata(job));
        return new Download<>(Download.filename(model.name(), ".onnx"), OnnxModelWriter.write(onnx));
    }

    /** What a client needs to call the graph, readable with any ONNX tool's metadata view. */
    private Map<String, String> metadata(TrainedJob job) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("chainrule.job_id", job.jobId().toString());
        metadata.put("chainrule.model_id", job.modelId().toString());
        metadata.put("chainrule.parameter_version", Long.toString(job.parameterVersion()));
        metadata.put("task", job.preprocessing().task().jsonName());
        metadata.put("classes", json.writeValueAsString(job.preprocessing().classes()));
        List<Map<String, String>> columns = job.preprocessing().features().stream()
                .map(f -> Map.of("name", f.name(), "type", f instanceof FeatureEncoding.Numeric ? "numeric" : "categorical"))
                .toList();
        metadata.put("columns", json.writeValueAsString(columns));
        return metadata;
    }
}
