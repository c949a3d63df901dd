package dev.chainrule.encoding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.TargetColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.LabeledData;

/** The fitted encodings of every feature column (in dataset order) and of the target. */
record FittedPreprocessing(List<FeatureEncoding> features, TargetEncoding target) implements Preprocessing {

    /** Values per block of {@link #encodeRows}: half a megabyte of doubles. */
    private static final int BLOCK_VALUES = 1 << 16;

    FittedPreprocessing {
        features = List.copyOf(features);
    }

    @Override
    public Task task() {
        return target.task();
    }

    @Override
    public List<String> featureNames() {
        return features.stream().map(FeatureEncoding::name).toList();
    }

    @Override
    public List<String> classes() {
        return target.classes();
    }

    @Override
    public int inputs() {
        return features.stream().mapToInt(FeatureEncoding::width).sum();
    }

    @Override
    public int outputs() {
        return target.width();
    }

    @Override
    public LabeledData encode(DatasetData data, int[] rows, Precision precision) {
        INDArray x = encodeRows(data, rows, precision);
        double[] y = new double[rows.length * outputs()];
        int[] classIndices = null;
        if (target instanceof TargetEncoding.Value value) {
            encodeValues(value, requireValues(data.target()), rows, y, 0, 1);
        } else if (target instanceof TargetEncoding.Values several) {
            List<TargetColumn.Values> columns = requireSeveral(data.target(), several.names());
            for (int t = 0; t < columns.size(); t++) {
                encodeValues(several.each().get(t), columns.get(t), rows, y, t, columns.size());
            }
        } else {
            TargetColumn.Classes labels = requireClasses(data.target());
            int[] classOf = DatasetColumns.classRemap(target.classes(), labels);
            classIndices = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                classIndices[i] = classOf[labels.labels()[rows[i]]];
                target.encodeClass(classIndices[i], y, i * outputs());
            }
        }
        return new LabeledData(x, Matrices.of(y, rows.length, outputs(), precision), classIndices);
    }

    @Override
    public INDArray encodeFeatures(DatasetData data, Precision precision) {
        int[] all = new int[data.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return encodeRows(data, all, precision);
    }

    @Override
    public INDArray encodeInstances(List<?> instances, Precision precision) {
        double[] encoded = new InstanceEncoder(features, inputs()).encode(instances);
        return Matrices.of(encoded, instances.size(), inputs(), precision);
    }

    @Override
    public INDArray encodeRows(List<String> header, List<List<String>> rows, Precision precision) {
        double[] encoded = new InstanceEncoder(features, inputs()).encodeRows(header, rows);
        return Matrices.of(encoded, rows.size(), inputs(), precision);
    }

    @Override
    public List<Prediction> decode(INDArray outputs) {
        if (outputs.rank() != 2 || outputs.columns() != outputs()) {
            throw new IllegalArgumentException("expected network outputs [n, " + outputs() + "], got "
                    + Arrays.toString(outputs.shape()));
        }
        double[][] rows = outputs.dataType() == DataType.FLOAT ? shortestOfFloats(outputs.toFloatMatrix())
                : outputs.toDoubleMatrix();
        List<Prediction> predictions = new ArrayList<>(rows.length);
        for (double[] row : rows) {
            predictions.add(target.decode(row));
        }
        return predictions;
    }

    /**
     * Widens float32 outputs to the shortest decimals that name the same floats (0.9994122, not
     * 0.9994121789932251): the digits beyond float precision are noise a client should not see.
     */
    private static double[][] shortestOfFloats(float[][] rows) {
        double[][] widened = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            widened[i] = new double[rows[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                widened[i][j] = Double.parseDouble(Float.toString(rows[i][j]));
            }
        }
        return widened;
    }

    @Override
    public byte[] toBytes() {
        return PreprocessingCodec.encode(this);
    }

    /**
     * Encodes straight into the matrix the network reads, a block of rows at a time: each block is
     * filled column by column in a small buffer (it stays in cache, where a whole-dataset array is
     * written with a stride of a row per value) and copied into the matrix's memory in one go.
     */
    private INDArray encodeRows(DatasetData data, int[] rows, Precision precision) {
        List<FeatureColumn> columns = DatasetColumns.bind(features, data);
        int width = inputs();
        boolean single = precision != Precision.FLOAT64;
        INDArray x = Nd4j.create(single ? DataType.FLOAT : DataType.DOUBLE, rows.length, width);
        if (rows.length == 0 || width == 0) {
            return x;
        }
        ByteBuffer memory = x.data().asNio().order(ByteOrder.nativeOrder());
        int block = Math.max(1, Math.min(rows.length, BLOCK_VALUES / width));
        double[] out = new double[block * width];
        float[] narrowed = single ? new float[block * width] : null;
        for (int from = 0; from < rows.length; from += block) {
            int count = Math.min(block, rows.length - from);
            int length = count * width;
            Arrays.fill(out, 0, length, 0.0);
            int offset = 0;
            for (int f = 0; f < features.size(); f++) {
                writeColumn(features.get(f), columns.get(f), rows, from, count, out, offset, width);
                offset += features.get(f).width();
            }
            if (single) {
                for (int i = 0; i < length; i++) {
                    narrowed[i] = (float) out[i];
                }
                memory.asFloatBuffer().put(from * width, narrowed, 0, length);
            } else {
                memory.asDoubleBuffer().put(from * width, out, 0, length);
            }
        }
        return x;
    }

    private static void writeColumn(FeatureEncoding encoding, FeatureColumn column, int[] rows, int from, int count,
            double[] out, int offset, int stride) {
        if (encoding instanceof FeatureEncoding.Numeric numeric) {
            float[] values = ((FeatureColumn.Numeric) column).values();
            for (int i = 0; i < count; i++) {
                out[i * stride + offset] = numeric.encode(values[rows[from + i]]);
            }
        } else {
            FeatureColumn.Categorical categorical = (FeatureColumn.Categorical) column;
            int[] position = DatasetColumns.categoryRemap((FeatureEncoding.Categorical) encoding, categorical);
            for (int i = 0; i < count; i++) {
                int hot = position[categorical.codes()[rows[from + i]]];
                if (hot >= 0) {
                    out[i * stride + offset + hot] = 1.0;
                }
            }
        }
    }

    /** Writes the encoded values of {@code rows} into column {@code offset} of {@code y}, {@code stride} wide. */
    private static void encodeValues(TargetEncoding.Value encoding, TargetColumn.Values column, int[] rows, double[] y,
            int offset, int stride) {
        float[] values = column.values();
        for (int i = 0; i < rows.length; i++) {
            y[i * stride + offset] = encoding.encode(values[rows[i]]);
        }
    }

    private static List<TargetColumn.Values> requireSeveral(TargetColumn column, List<String> names) {
        if (column instanceof TargetColumn.Several several && several.names().equals(names)) {
            return several.targets();
        }
        throw new IllegalArgumentException("targets " + names + " were fitted, but the dataset's target is '"
                + column.name() + "'");
    }

    private static TargetColumn.Values requireValues(TargetColumn column) {
        if (column instanceof TargetColumn.Values values) {
            return values;
        }
        throw new IllegalArgumentException("target '" + column.name() + "' holds classes, but the preprocessing is for regression");
    }

    private static TargetColumn.Classes requireClasses(TargetColumn column) {
        if (column instanceof TargetColumn.Classes classes) {
            return classes;
        }
        throw new IllegalArgumentException("target '" + column.name() + "' holds values, but the preprocessing is for classification");
    }
}
