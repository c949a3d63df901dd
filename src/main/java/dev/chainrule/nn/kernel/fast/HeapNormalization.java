package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.HeapViews;
import dev.chainrule.nn.kernel.NormalizationKernel;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/**
 * Batch normalization as Java loops in double precision over bulk copies: one pass for the sums, one
 * for x̂ and y (forward), one for the two column sums and one for dx (backward). γ, β and the running
 * statistics are views of the flat vectors; they are moved through owned [1, columns] arrays by BLAS
 * copies, so a batch allocates nothing. What the loops cannot take goes to the reference kernel.
 */
final class HeapNormalization implements NormalizationKernel {

    private final Blas blas = new Blas();
    private final HeapViews views = new HeapViews();
    private final NormalizationKernel reference = ReferenceKernels.INSTANCE.normalization();
    private INDArray rowA;
    private INDArray rowB;
    private double[] values = new double[0];
    private double[] hats = new double[0];
    private double[] first = new double[0];
    private double[] second = new double[0];
    private double[] third = new double[0];
    private double[] fourth = new double[0];

    @Override
    public void normalize(INDArray x, INDArray gamma, INDArray beta, double epsilon, INDArray mean,
            INDArray variance, INDArray inverseStd, INDArray xHat, INDArray y) {
        if (!(HeapViews.owns(x) && HeapViews.owns(mean) && HeapViews.owns(variance) && HeapViews.owns(inverseStd)
                && HeapViews.owns(xHat) && HeapViews.owns(y) && rows(gamma))) {
            reference.normalize(x, gamma, beta, epsilon, mean, variance, inverseStd, xHat, y);
            return;
        }
        int n = (int) x.rows();
        int d = (int) x.columns();
        prepare(n * d, d);
        views.read(x, values, n * d);
        readRow(gamma, third, d);
        readRow(beta, fourth, d);
        double[] mu = first;
        double[] var = second;
        for (int j = 0; j < d; j++) {
            mu[j] = 0;
            var[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = i * d; j < d; j++, k++) {
                mu[j] += values[k];
            }
        }
        for (int j = 0; j < d; j++) {
            mu[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = i * d; j < d; j++, k++) {
                double c = values[k] - mu[j];
                var[j] += c * c;
            }
        }
        views.write(mu, d, mean);
        for (int j = 0; j < d; j++) {
            var[j] /= n;
        }
        views.write(var, d, variance);
        double[] inv = var;
        for (int j = 0; j < d; j++) {
            inv[j] = 1 / Math.sqrt(var[j] + epsilon);
        }
        views.write(inv, d, inverseStd);
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = i * d; j < d; j++, k++) {
                double h = (values[k] - mu[j]) * inv[j];
                hats[k] = h;
                values[k] = third[j] * h + fourth[j];
            }
        }
        views.write(hats, n * d, xHat);
        views.write(values, n * d, y);
    }

    @Override
    public void backward(INDArray dy, INDArray xHat, INDArray gamma, INDArray inverseStd, INDArray dGamma,
            INDArray dBeta, INDArray dx) {
        if (!(HeapViews.owns(dy) && HeapViews.owns(xHat) && HeapViews.owns(inverseStd)
                && (dx == null || HeapViews.owns(dx)) && rows(gamma) && rows(dGamma) && rows(dBeta))) {
            reference.backward(dy, xHat, gamma, inverseStd, dGamma, dBeta, dx);
            return;
        }
        int n = (int) dy.rows();
        int d = (int) dy.columns();
        prepare(n * d, d);
        views.read(dy, values, n * d);
        views.read(xHat, hats, n * d);
        double[] sumDy = first;
        double[] sumDyHat = second;
        for (int j = 0; j < d; j++) {
            sumDy[j] = 0;
            sumDyHat[j] = 0;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = i * d; j < d; j++, k++) {
                sumDy[j] += values[k];
                sumDyHat[j] += values[k] * hats[k];
            }
        }
        writeRow(sumDyHat, d, dGamma);
        writeRow(sumDy, d, dBeta);
        if (dx == null) {
            return;
        }
        readRow(gamma, third, d);
        views.read(inverseStd, fourth, d);
        for (int j = 0; j < d; j++) {
            third[j] = third[j] * fourth[j] / n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0, k = i * d; j < d; j++, k++) {
                values[k] = third[j] * (n * values[k] - sumDy[j] - hats[k] * sumDyHat[j]);
            }
        }
        views.write(values, n * d, dx);
    }

    @Override
    public void updateRunning(INDArray running, INDArray batch, double momentum, double scale) {
        int d = (int) running.length();
        if (!(HeapViews.owns(batch) && rows(running))) {
            reference.updateRunning(running, batch, momentum, scale);
            return;
        }
        prepare(d, d);
        readRow(running, first, d);
        views.read(batch, second, d);
        for (int j = 0; j < d; j++) {
            first[j] = (1 - momentum) * first[j] + momentum * scale * second[j];
        }
        writeRow(first, d, running);
    }

    @Override
    public INDArray infer(INDArray x, INDArray gamma, INDArray beta, INDArray mean, INDArray variance,
            double epsilon) {
        return reference.infer(x, gamma, beta, mean, variance, epsilon);
    }

    /** Whether {@code row} is a contiguous [1, d] float or double array BLAS can copy. */
    private boolean rows(INDArray row) {
        if (!Blas.isVector(row)) {
            return false;
        }
        if (rowA == null || rowA.dataType() != row.dataType() || rowA.length() != row.length()) {
            rowA = Nd4j.create(row.dataType(), 1, row.length());
            rowB = Nd4j.create(row.dataType(), 1, row.length());
        }
        return true;
    }

    private void readRow(INDArray row, double[] into, int d) {
        blas.copy(row, rowA);
        views.read(rowA, into, d);
    }

    private void writeRow(double[] from, int d, INDArray row) {
        views.write(from, d, rowB);
        blas.copy(rowB, row);
    }

    private void prepare(int cells, int columns) {
        if (values.length < cells) {
            values = new double[cells];
            hats = new double[cells];
        }
        if (first.length < columns) {
            first = new double[columns];
            second = new double[columns];
            third = new double[columns];
            fourth = new double[columns];
        }
    }
}
