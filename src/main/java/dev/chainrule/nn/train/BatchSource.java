package dev.chainrule.nn.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gathers the rows of one mini-batch into arrays reused for every batch of the same size (the full
 * size and the one partial last batch), converted once to the network's precision.
 */
final class BatchSource {

    private final INDArray features;
    private final INDArray targets;
    private final int[] classIndices;
    private final Map<Integer, INDArray[]> buffers = new HashMap<>();

    BatchSource(LabeledData data, DataType dataType) {
        this.features = convert(data.features(), dataType);
        this.targets = convert(data.targets(), dataType);
        this.classIndices = data.classIndices();
    }

    private static INDArray convert(INDArray array, DataType dataType) {
        INDArray typed = array.dataType() == dataType ? array : array.castTo(dataType);
        return typed.ordering() == 'c' && !typed.isView() ? typed : typed.dup('c');
    }

    int rows() {
        return (int) features.rows();
    }

    /** [features, targets] of the rows {@code order[from .. from+count)}. */
    INDArray[] gather(int[] order, int from, int count) {
        INDArray[] batch = buffers.computeIfAbsent(count, n -> new INDArray[] {
                Nd4j.create(features.dataType(), n, features.columns()),
                Nd4j.create(targets.dataType(), n, targets.columns())});
        int[] rows = Arrays.copyOfRange(order, from, from + count);
        Nd4j.pullRows(features, batch[0], 1, rows);
        Nd4j.pullRows(targets, batch[1], 1, rows);
        return batch;
    }

    int classOf(int row) {
        return classIndices[row];
    }

    boolean isClassification() {
        return classIndices != null;
    }
}
