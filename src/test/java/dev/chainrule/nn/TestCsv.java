package dev.chainrule.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.train.LabeledData;

/**
 * A minimal reader for the numeric example CSVs (header row, features, target last), with the
 * encodings the engine tests need: one-hot classes, a 0/1 column, or z-scored values.
 */
public record TestCsv(double[][] features, double[] target) {

    public static TestCsv read(String path) {
        try {
            List<String> lines = Files.readAllLines(Path.of(path));
            int rows = lines.size() - 1;
            double[][] features = new double[rows][];
            double[] target = new double[rows];
            for (int i = 0; i < rows; i++) {
                double[] values = Arrays.stream(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
                features[i] = Arrays.copyOf(values, values.length - 1);
                target[i] = values[values.length - 1];
            }
            return new TestCsv(features, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int rows() {
        return target.length;
    }

    /** Column means and population deviations of these features (a constant column gets 1). */
    public double[][] featureStatistics() {
        int columns = features[0].length;
        double[] mean = new double[columns];
        double[] deviation = new double[columns];
        for (double[] row : features) {
            for (int c = 0; c < columns; c++) {
                mean[c] += row[c] / rows();
            }
        }
        for (double[] row : features) {
            for (int c = 0; c < columns; c++) {
                deviation[c] += (row[c] - mean[c]) * (row[c] - mean[c]) / rows();
            }
        }
        for (int c = 0; c < columns; c++) {
            deviation[c] = deviation[c] == 0 ? 1 : Math.sqrt(deviation[c]);
        }
        return new double[][] {mean, deviation};
    }

    public INDArray standardizedFeatures(double[][] statistics) {
        double[][] scaled = new double[rows()][];
        for (int i = 0; i < rows(); i++) {
            scaled[i] = new double[features[i].length];
            for (int c = 0; c < scaled[i].length; c++) {
                scaled[i][c] = (features[i][c] - statistics[0][c]) / statistics[1][c];
            }
        }
        return Nd4j.createFromArray(scaled).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    public INDArray rawFeatures() {
        return Nd4j.createFromArray(features).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }

    public int[] classIndices() {
        return Arrays.stream(target).mapToInt(v -> (int) v).toArray();
    }

    public LabeledData oneHot(INDArray features, int classes) {
        double[][] y = new double[rows()][classes];
        for (int i = 0; i < rows(); i++) {
            y[i][(int) target[i]] = 1;
        }
        return new LabeledData(features, Nd4j.createFromArray(y).castTo(features.dataType()), classIndices());
    }

    /** The target as one column of values (0/1 labels or regression values), shifted and scaled. */
    public LabeledData column(INDArray features, double shift, double scale, boolean classification) {
        double[][] y = new double[rows()][1];
        for (int i = 0; i < rows(); i++) {
            y[i][0] = (target[i] - shift) / scale;
        }
        return new LabeledData(features, Nd4j.createFromArray(y).castTo(features.dataType()),
                classification ? classIndices() : null);
    }
}
