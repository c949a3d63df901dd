package dev.chainrule.portable;

import java.util.List;

import dev.chainrule.encoding.TargetEncoding;

/** The names a bundle uses for feature types, target encodings and metrics. */
final class BundleVocabulary {

    static final String NUMERIC = "numeric";
    static final String CATEGORICAL = "categorical";
    static final String ONE_HOT = "one_hot";
    static final String BINARY = "binary";
    static final String VALUE = "value";
    static final String VALUES = "values";
    static final List<String> METRICS = List.of("loss", "valLoss", "accuracy", "valAccuracy", "rmse", "valRmse");

    private BundleVocabulary() {
    }

    static String encodingOf(TargetEncoding target) {
        if (target instanceof TargetEncoding.Value) {
            return VALUE;
        }
        if (target instanceof TargetEncoding.Values) {
            return VALUES;
        }
        return target instanceof TargetEncoding.Binary ? BINARY : ONE_HOT;
    }
}
