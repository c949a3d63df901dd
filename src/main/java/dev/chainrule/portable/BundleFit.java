package dev.chainrule.portable;

import dev.chainrule.dataset.Task;
import dev.chainrule.encoding.Preprocessing;
import dev.chainrule.encoding.PreprocessingFitter;
import dev.chainrule.model.StoredModel;


/**
 * Whether a bundle's preprocessing fits its layers: the features must encode to the model's input
 * width, the target to its output width, and the target's encoding must be the one the loss trains
 * (classes one-hot, or one binary column for 2 classes and one output under binary_cross_entropy or mse;
 * regression a value).
 */
final class BundleFit {

    private BundleFit() {
    }

    static void check(StoredModel model, Preprocessing preprocessing, BundleFaults faults) {
        if (model.inputs() != null && model.inputs() != preprocessing.inputs()) {
            faults.add("/preprocessing/features", "The features encode to " + preprocessing.inputs()
                    + " inputs (numeric columns count 1, categorical ones 1 per category), but the model takes "
                    + model.inputs() + ".");
        }
        if (model.outputs() != preprocessing.outputs()) {
            faults.add("/preprocessing/target", "The target encodes to " + preprocessing.outputs()
                    + " outputs, but the model's last layer has " + model.outputs() + " units.");
        }
        PreprocessingFitter.mismatch(preprocessing.task(), preprocessing.classes().size(), model.loss())
                .ifPresentOrElse(message -> faults.add("/preprocessing/target", message), () -> {
                    String expected = encodingFor(model, preprocessing);
                    String actual = BundleVocabulary.encodingOf(preprocessing.target());
                    if (!expected.equals(actual)) {
                        faults.add("/preprocessing/target/encoding", "Loss '" + model.loss().jsonName()
                                + "' trains a target encoded as " + expected + ", but the bundle's is " + actual + ".");
                    }
                });
    }

    private static String encodingFor(StoredModel model, Preprocessing preprocessing) {
        if (preprocessing.task() == Task.CLASSIFICATION) {
            return BundleVocabulary.encodingOf(
                    PreprocessingFitter.classEncoding(preprocessing.classes(), model.loss(), model.outputs()));
        }
        return BundleVocabulary.encodingOf(preprocessing.target());
    }
}
