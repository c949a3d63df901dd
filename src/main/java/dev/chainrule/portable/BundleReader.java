package dev.chainrule.portable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.FeatureEncoding;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.TargetEncoding;

/**
 * Checks the parts of a bundle that stand on their own (format, preprocessing, metrics) and rebuilds
 * its preprocessing. Every fault is recorded at its pointer; nothing is coerced or guessed.
 */
final class BundleReader {

    private final BundleFaults faults;

    BundleReader(BundleFaults faults) {
        this.faults = faults;
    }

    /**
     * A document of another format or version is refused before anything else is read: its other parts
     * would be judged by the wrong rules.
     */
    static void checkFormat(ModelBundle bundle) {
        BundleFaults faults = new BundleFaults();
        if (!BundleFormat.NAME.equals(bundle.format())) {
            faults.add("/format", "'format' must be " + quoted(BundleFormat.NAME) + ", got " + quoted(bundle.format())
                    + ": this is not a model bundle.");
        } else if (bundle.formatVersion() == null || bundle.formatVersion() != BundleFormat.VERSION) {
            faults.add("/formatVersion", "This service reads version " + BundleFormat.VERSION + " of "
                    + BundleFormat.NAME + "; the bundle has version " + bundle.formatVersion() + ".");
        }
        faults.throwIfAny();
    }

    /** @return the bundle's preprocessing, or null when any part of the bundle is at fault (recorded) */
    Preprocessing read(ModelBundle bundle) {
        if (bundle.model() == null || !bundle.model().isObject()) {
            faults.add("/model", "'model' is required: the model definition, as POST /api/v1/models takes it.");
        }
        if (bundle.parameters() == null) {
            faults.add("/parameters", "'parameters' is required: one {weights, bias} entry per dense layer.");
        }
        metrics(bundle.metrics());
        source(bundle.source());
        if (bundle.preprocessing() == null) {
            faults.add("/preprocessing", "'preprocessing' is required.");
            return null;
        }
        Task task = Task.fromJsonName(String.valueOf(bundle.preprocessing().task())).orElse(null);
        if (task == null) {
            faults.add("/preprocessing/task", "'task' must be classification or regression, got "
                    + quoted(bundle.preprocessing().task()) + ".");
        }
        List<FeatureEncoding> features = features(bundle.preprocessing().features());
        TargetEncoding target = target(bundle.preprocessing().target(), task);
        return features == null || target == null || task == null ? null : Preprocessing.of(features, target);
    }

    private void metrics(Map<String, Double> metrics) {
        if (metrics == null) {
            return;
        }
        metrics.forEach((name, value) -> {
            if (!BundleVocabulary.METRICS.contains(name)) {
                faults.add("/metrics/" + escape(name), "Unknown metric " + quoted(name) + "; known: "
                        + String.join(", ", BundleVocabulary.METRICS) + ".");
            } else if (value != null && !Double.isFinite(value)) {
                faults.add("/metrics/" + name, "A metric must be a finite number, got " + value + ".");
            }
        });
    }

    /** Only the progress is read from the source: the imported job shows it. */
    private void source(ModelBundle.Source source) {
        if (source == null) {
            return;
        }
        if (source.epoch() != null && source.epoch() < 0) {
            faults.add("/source/epoch", "'epoch' must be 0 or more, got " + source.epoch() + ".");
        }
        if (source.epochs() != null && source.epochs() < 0) {
            faults.add("/source/epochs", "'epochs' must be 0 or more, got " + source.epochs() + ".");
        }
    }

    private List<FeatureEncoding> features(List<ModelBundle.Feature> features) {
        if (features == null || features.isEmpty()) {
            faults.add("/preprocessing/features", "'features' must list at least one feature column.");
            return null;
        }
        List<FeatureEncoding> encodings = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < features.size(); i++) {
            String at = "/preprocessing/features/" + i;
            ModelBundle.Feature feature = features.get(i);
            if (feature == null) {
                faults.add(at, "A feature must be an object with a 'name' and a 'type'.");
                continue;
            }
            if (feature.name() == null || feature.name().isEmpty()) {
                faults.add(at + "/name", "A feature needs a non-empty 'name'.");
            } else if (!names.add(feature.name())) {
                faults.add(at + "/name", "Feature " + quoted(feature.name()) + " appears more than once.");
            }
            FeatureEncoding encoding = feature(feature, at);
            if (encoding != null) {
                encodings.add(encoding);
            }
        }
        return encodings.size() == features.size() && names.size() == features.size() ? encodings : null;
    }

    private FeatureEncoding feature(ModelBundle.Feature feature, String at) {
        if (BundleVocabulary.NUMERIC.equals(feature.type())) {
            int before = count();
            if (feature.categories() != null) {
                faults.add(at + "/categories", "A numeric feature has no 'categories'.");
            }
            scaling(feature.mean(), feature.std(), feature.standardize(), at, "A numeric feature");
            return count() > before || feature.name() == null ? null
                    : new FeatureEncoding.Numeric(feature.name(), feature.mean(), feature.std(), feature.standardize());
        }
        if (BundleVocabulary.CATEGORICAL.equals(feature.type())) {
            int before = count();
            if (feature.mean() != null || feature.std() != null || feature.standardize() != null) {
                faults.add(at, "A categorical feature has only 'categories' (no mean, std or standardize).");
            }
            labels(feature.categories(), at + "/categories", "categories", 1);
            return count() > before || feature.name() == null ? null
                    : new FeatureEncoding.Categorical(feature.name(), feature.categories());
        }
        faults.add(at + "/type", "'type' must be numeric or categorical, got " + quoted(feature.type()) + ".");
        return null;
    }

    private TargetEncoding target(ModelBundle.Target target, Task task) {
        String at = "/preprocessing/target";
        if (target == null) {
            faults.add(at, "'target' is required.");
            return null;
        }
        int before = count();
        String encoding = target.encoding();
        boolean several = BundleVocabulary.VALUES.equals(encoding);
        boolean value = several || BundleVocabulary.VALUE.equals(encoding);
        if (!value && !BundleVocabulary.ONE_HOT.equals(encoding) && !BundleVocabulary.BINARY.equals(encoding)) {
            faults.add(at + "/encoding", "'encoding' must be one_hot, binary, value or values, got " + quoted(encoding)
                    + ".");
            return null;
        }
        if (task != null && value != (task == Task.REGRESSION)) {
            faults.add(at + "/encoding", "Encoding " + quoted(encoding) + " does not fit the task " + quoted(
                    task.jsonName()) + ": classification uses one_hot or binary, regression uses value or values.");
        }
        if (!several && target.targets() != null) {
            faults.add(at + "/targets", "Only a 'values' target lists 'targets'.");
        }
        if (several) {
            return severalValues(target, at, before);
        }
        if (value) {
            if (target.classes() != null) {
                faults.add(at + "/classes", "A value target has no 'classes'.");
            }
            scaling(target.mean(), target.std(), target.standardize(), at, "A value target");
            return count() > before ? null : new TargetEncoding.Value(target.mean(), target.std(), target.standardize());
        }
        if (target.mean() != null || target.std() != null || target.standardize() != null) {
            faults.add(at, "A class target has only 'classes' (no mean, std or standardize).");
        }
        boolean binary = BundleVocabulary.BINARY.equals(encoding);
        labels(target.classes(), at + "/classes", "classes", 2);
        if (binary && target.classes() != null && target.classes().size() != 2) {
            faults.add(at + "/classes", "A binary target has exactly 2 classes, got " + target.classes().size() + ".");
        }
        if (count() > before) {
            return null;
        }
        return binary ? new TargetEncoding.Binary(target.classes()) : new TargetEncoding.OneHot(target.classes());
    }

    private TargetEncoding severalValues(ModelBundle.Target target, String at, int before) {
        if (target.classes() != null || target.mean() != null || target.std() != null || target.standardize() != null) {
            faults.add(at, "A values target has only 'targets' (no classes, mean, std or standardize of its own).");
        }
        List<ModelBundle.TargetValue> targets = target.targets();
        if (targets == null || targets.size() < 2) {
            faults.add(at + "/targets", "'targets' must list at least 2 targets.");
            return null;
        }
        List<String> names = new ArrayList<>();
        List<TargetEncoding.Value> each = new ArrayList<>();
        for (int t = 0; t < targets.size(); t++) {
            String here = at + "/targets/" + t;
            ModelBundle.TargetValue one = targets.get(t);
            if (one == null) {
                faults.add(here, "A target must be an object.");
                continue;
            }
            if (one.name() == null || one.name().isBlank() || names.contains(one.name())) {
                faults.add(here + "/name", "'name' must be a distinct, non-blank column name, got "
                        + quoted(one.name()) + ".");
            }
            scaling(one.mean(), one.std(), one.standardize(), here, "A value target");
            names.add(one.name());
            if (count() == before) {
                each.add(new TargetEncoding.Value(one.mean(), one.std(), one.standardize()));
            }
        }
        return count() > before ? null : new TargetEncoding.Values(names, each);
    }

    private void labels(List<String> labels, String at, String what, int atLeast) {
        if (labels == null || labels.size() < atLeast) {
            faults.add(at, "'" + what + "' must list at least " + atLeast + " label" + (atLeast == 1 ? "" : "s") + ".");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int k = 0; k < labels.size(); k++) {
            if (labels.get(k) == null) {
                faults.add(at + "/" + k, "A label must be a string, got null.");
            } else if (!seen.add(labels.get(k))) {
                faults.add(at + "/" + k, "Label " + quoted(labels.get(k)) + " appears more than once.");
            }
        }
    }

    /** The statistics that impute and scale a number: a finite mean, a deviation above 0, a flag. */
    private void scaling(Double mean, Double std, Boolean standardize, String at, String owner) {
        if (mean == null || !Double.isFinite(mean)) {
            faults.add(at + "/mean", "'mean' must be a finite number, got " + mean + ".");
        }
        if (std == null || !Double.isFinite(std) || std <= 0) {
            faults.add(at + "/std", "'std' must be a finite number greater than 0, got " + std + ".");
        }
        if (standardize == null) {
            faults.add(at + "/standardize", owner + " needs 'standardize' (true or false).");
        }
    }

    private int count() {
        return faults.count();
    }

    private static String quoted(Object value) {
        return value == null ? "null" : "'" + value + "'";
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
