package dev.chainrule.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Features [n, inputs] (float32), one-hot targets [n, classes] and the class of each row. */
record BenchData(INDArray features, INDArray targets, int[] classes) {

    int rows() {
        return classes.length;
    }

    /** Uniform features in [0, 1) and uniformly drawn classes: only the shapes matter for speed. */
    static BenchData synthetic(int rows, int inputs, int classCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * inputs];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        int[] classes = new int[rows];
        for (int i = 0; i < rows; i++) {
            classes[i] = random.nextInt(classCount);
        }
        return new BenchData(Nd4j.create(values, new long[] {rows, inputs}, 'c'), oneHot(classes, classCount), classes);
    }

    /** A CSV with a header, numeric features and an integer class label last; features z-scored. */
    static BenchData csv(Path file, int classCount) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int rows = lines.size() - 1;
        int inputs = lines.get(0).split(",").length - 1;
        double[][] x = new double[rows][inputs];
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            String[] cells = lines.get(r + 1).split(",");
            for (int c = 0; c < inputs; c++) {
                x[r][c] = Double.parseDouble(cells[c]);
            }
            classes[r] = Integer.parseInt(cells[inputs].trim());
        }
        standardize(x);
        INDArray features = Nd4j.createFromArray(x).castTo(DataType.FLOAT);
        return new BenchData(features, oneHot(classes, classCount), classes);
    }

    /** Population mean and deviation per column; a constant column keeps deviation 1. */
    private static void standardize(double[][] x) {
        int columns = x[0].length;
        for (int c = 0; c < columns; c++) {
            double mean = 0;
            for (double[] row : x) {
                mean += row[c];
            }
            mean /= x.length;
            double variance = 0;
            for (double[] row : x) {
                variance += (row[c] - mean) * (row[c] - mean);
            }
            double deviation = Math.sqrt(variance / x.length);
            double scale = deviation > 0 ? deviation : 1;
            for (double[] row : x) {
                row[c] = (row[c] - mean) / scale;
            }
        }
    }

    private static INDArray oneHot(int[] classes, int classCount) {
        float[] values = new float[classes.length * classCount];
        for (int i = 0; i < classes.length; i++) {
            values[i * classCount + classes[i]] = 1f;
        }
        return Nd4j.create(values, new long[] {classes.length, classCount}, 'c');
    }
}
