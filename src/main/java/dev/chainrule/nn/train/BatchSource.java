package dev.chainrule.nn.train;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gathers the rows of one mini-batch into arrays reused for every batch of the same size (the full
 * size and the one partial last batch), converted once to the network's precision.
 *
 * <p>Rows are copied as bytes between the arrays' memory: {@code Nd4j.pullRows} costs an op and a
 * fresh off-heap index buffer per call, several times the copy itself.
 */
final class BatchSource {

    private final INDArray features;
    private final INDArray targets;
    private final ByteBuffer featureBytes;
    private final ByteBuffer targetBytes;
    private final int[] classIndices;
    private final Map<Integer, Batch> buffers = new HashMap<>();

    BatchSource(LabeledData data, DataType dataType) {
        this.features = convert(data.features(), dataType);
        this.targets = convert(data.targets(), dataType);
        this.featureBytes = bytes(features);
        this.targetBytes = bytes(targets);
        this.classIndices = data.classIndices();
    }

    /** The array's memory as bytes, or null when it is too large for one buffer. */
    private static ByteBuffer bytes(INDArray array) {
        long size = array.length() * array.dataType().width();
        return size > Integer.MAX_VALUE ? null : array.data().asNio();
    }

    private static INDArray convert(INDArray array, DataType dataType) {
        INDArray typed = array.dataType() == dataType ? array : array.castTo(dataType);
        return typed.ordering() == 'c' && !typed.isView() && typed.offset() == 0 ? typed : typed.dup('c');
    }

    int rows() {
        return (int) features.rows();
    }

    /** [features, targets] of the rows {@code order[from .. from+count)}. */
    INDArray[] gather(int[] order, int from, int count) {
        Batch batch = buffers.computeIfAbsent(count, this::newBatch);
        if (featureBytes == null || targetBytes == null) {
            int[] rows = Arrays.copyOfRange(order, from, from + count);
            Nd4j.pullRows(features, batch.arrays[0], 1, rows);
            Nd4j.pullRows(targets, batch.arrays[1], 1, rows);
        } else {
            copyRows(featureBytes, batch.featureBytes, rowBytes(features), order, from, count);
            copyRows(targetBytes, batch.targetBytes, rowBytes(targets), order, from, count);
        }
        return batch.arrays;
    }

    private Batch newBatch(int rows) {
        INDArray x = Nd4j.create(features.dataType(), rows, features.columns());
        INDArray y = Nd4j.create(targets.dataType(), rows, targets.columns());
        return new Batch(new INDArray[] {x, y}, x.data().asNio(), y.data().asNio());
    }

    private record Batch(INDArray[] arrays, ByteBuffer featureBytes, ByteBuffer targetBytes) {
    }

    private static void copyRows(ByteBuffer source, ByteBuffer target, int rowBytes, int[] order, int from, int count) {
        for (int i = 0; i < count; i++) {
            target.put(i * rowBytes, source, order[from + i] * rowBytes, rowBytes);
        }
    }

    private static int rowBytes(INDArray array) {
        return (int) array.columns() * array.dataType().width();
    }

    int classOf(int row) {
        return classIndices[row];
    }

    boolean isClassification() {
        return classIndices != null;
    }
}
