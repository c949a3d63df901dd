package dev.chainrule.encoding;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.Task;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.LabeledData;

/**
 * What turns raw dataset values into network inputs and targets, and network outputs back into
 * labels or values: fitted once on a job's training rows, stored with the job, applied unchanged at
 * prediction time. Created by {@code PreprocessingFitter} and restored by {@code PreprocessingCodec}.
 */
public interface Preprocessing {

    Task task();

    /** Feature column names in dataset order (the order positional instances must follow). */
    List<String> featureNames();

    /** Class names for classification (index = network output), empty for regression. */
    List<String> classes();

    /** Width of the encoded feature vector (numeric columns + one-hot categories). */
    int inputs();

    /** Width of the encoded target (classes for cross-entropy, 1 for binary cross-entropy or regression). */
    int outputs();

    /** Encodes the given rows of a stored dataset (features and targets). */
    LabeledData encode(DatasetData data, int[] rows, Precision precision);

    /** Encodes only the features of all rows of a stored dataset page (for scoring). */
    INDArray encodeFeatures(DatasetData data, Precision precision);

    /**
     * Encodes raw instances sent by a client: each either a {@code List<?>} of values in
     * {@link #featureNames()} order or a {@code Map<String, ?>} by column name.
     *
     * @throws dev.chainrule.fault.DomainException naming {@code /instances/i[/j or /column]} at fault
     */
    INDArray encodeInstances(List<?> instances, Precision precision);

    /**
     * Encodes the rows of a CSV sent by a client: {@code header} names the feature columns in any order,
     * each row holds a field per header column, as text. The values are read as {@link #encodeInstances}
     * reads strings.
     *
     * @throws dev.chainrule.fault.DomainException naming the row (data rows count from 1) and column at fault
     */
    INDArray encodeRows(List<String> header, List<List<String>> rows, Precision precision);

    /** Turns network outputs [n, outputs] into predictions. */
    List<Prediction> decode(INDArray outputs);

    byte[] toBytes();

    /** The fitted encoding of each feature column, in {@link #featureNames()} order. */
    List<FeatureEncoding> features();

    /** The fitted encoding of the target. */
    TargetEncoding target();

    /**
     * A preprocessing made of encodings fitted elsewhere (an imported model); it encodes and decodes
     * exactly as the one they were taken from.
     */
    static Preprocessing of(List<FeatureEncoding> features, TargetEncoding target) {
        return new FittedPreprocessing(features, target);
    }
}
