package dev.chainrule.portable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.TargetEncoding;
import dev.chainrule.job.TrainedJob;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a job's trained state as a {@link ModelBundle}. Every number is a double written in its
 * shortest exact form, so a bundle read back predicts bit for bit as its source.
 */
final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * @param definition the model's definition as {@code POST /api/v1/models} takes it; its {@code inputs}
     *        is set to the encoded width, which the bundle fixes
     */
    static ModelBundle write(TrainedJob job, ObjectNode definition, Instant exportedAt) {
        ObjectNode model = definition.objectNode();
        model.set("name", definition.get("name"));
        model.put("inputs", job.preprocessing().inputs());
        model.setAll(definition.deepCopy().without("inputs"));
        return new ModelBundle(BundleFormat.NAME, BundleFormat.VERSION, exportedAt,
                new ModelBundle.Source(job.jobId(), job.kind(), job.status(), job.modelId(), job.datasetId(),
                        job.epoch(), job.epochs(), job.parameterVersion()),
                model, List.copyOf(job.parameters()), preprocessing(job.preprocessing()), job.options(),
                finite(job.metrics()));
    }

    static ModelBundle.Preprocessing preprocessing(Preprocessing preprocessing) {
        List<ModelBundle.Feature> features = preprocessing.features().stream().map(BundleWriter::feature).toList();
        return new ModelBundle.Preprocessing(preprocessing.task().jsonName(),
                features, target(preprocessing.target()));
    }

    private static ModelBundle.Feature feature(FeatureEncoding encoding) {
        if (encoding instanceof FeatureEncoding.Numeric numeric) {
            return new ModelBundle.Feature(numeric.name(), BundleVocabulary.NUMERIC, numeric.mean(), numeric.std(),
                    numeric.standardize(), null);
        }
        FeatureEncoding.Categorical categorical = (FeatureEncoding.Categorical) encoding;
        return new ModelBundle.Feature(categorical.name(), BundleVocabulary.CATEGORICAL, null, null, null,
                categorical.categories());
    }

    private static ModelBundle.Target target(TargetEncoding target) {
        if (target instanceof TargetEncoding.Value value) {
            return new ModelBundle.Target(BundleVocabulary.VALUE, null, value.mean(), value.std(), value.standardize(),
                    null);
        }
        if (target instanceof TargetEncoding.Values several) {
            List<ModelBundle.TargetValue> targets = new ArrayList<>();
            for (int t = 0; t < several.names().size(); t++) {
                TargetEncoding.Value value = several.each().get(t);
                targets.add(new ModelBundle.TargetValue(several.names().get(t), value.mean(), value.std(),
                        value.standardize()));
            }
            return new ModelBundle.Target(BundleVocabulary.VALUES, null, null, null, null, targets);
        }
        return new ModelBundle.Target(BundleVocabulary.encodingOf(target), target.classes(), null, null, null, null);
    }

    /** JSON has no NaN: a metric that is not a finite number is left out. */
    private static Map<String, Double> finite(Map<String, Double> metrics) {
        Map<String, Double> finite = new LinkedHashMap<>();
        metrics.forEach((name, value) -> {
            if (value != null && Double.isFinite(value)) {
                finite.put(name, value);
            }
        });
        return finite;
    }
}
