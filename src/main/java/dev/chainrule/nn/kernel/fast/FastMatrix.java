package dev.chainrule.nn.kernel.fast;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.nn.kernel.BatchCache;
import dev.chainrule.nn.kernel.HeapViews;
import dev.chainrule.nn.kernel.MatrixKernel;
import dev.chainrule.nn.kernel.reference.ReferenceKernels;

/**
 * Products as direct BLAS calls, the bias add and the bias gradient as rank-1 products with a column
 * or row of ones kept per batch size (faster than ND4J's broadcast and reduction ops), element-wise
 * products as Java loops over bulk copies. Whatever BLAS or the loops cannot take goes to the
 * reference kernel.
 */
final class FastMatrix implements MatrixKernel {

    private final Blas blas = new Blas();
    private final HeapViews views = new HeapViews();
    private final MatrixKernel reference = ReferenceKernels.INSTANCE.matrix();
    private final BatchCache<Ones> ones = new BatchCache<>(Ones::new);
    private double[] left = new double[0];
    private double[] right = new double[0];

    @Override
    public void affine(INDArray x, INDArray weights, INDArray bias, INDArray z) {
        // z = 1·b, then z += x·W: the bias broadcast as a rank-1 product with beta 0 needs no zeroing
        blas.gemm(ones.forRows((int) z.rows()).column(z), bias, z, false, false, 1.0, 0.0);
        blas.gemm(x, weights, z, false, false, 1.0, 1.0);
    }

    @Override
    public INDArray affine(INDArray x, INDArray weights, INDArray bias) {
        INDArray z = Nd4j.create(weights.dataType(), x.rows(), weights.columns());
        Blas.gemmOnce(x, weights, z, false, false, 1.0, 0.0);
        return z.addiRowVector(bias);
    }

    @Override
    public void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        // beta 0: c is written whole, so it needs no zeroing before
        blas.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    @Override
    public void sumRows(INDArray m, INDArray into) {
        blas.gemm(ones.forRows((int) m.rows()).row(m), m, into, false, false, 1.0, 0.0);
    }

    @Override
    public void multiplyElements(INDArray x, INDArray y, INDArray out) {
        if (!(HeapViews.owns(x) && HeapViews.owns(y) && HeapViews.owns(out) && x.length() == out.length()
                && y.length() == out.length())) {
            reference.multiplyElements(x, y, out);
            return;
        }
        int length = Math.toIntExact(out.length());
        if (left.length < length) {
            left = new double[length];
            right = new double[length];
        }
        views.read(x, left, length);
        views.read(y, right, length);
        for (int i = 0; i < length; i++) {
            left[i] *= right[i];
        }
        views.write(left, length, out);
    }

    @Override
    public void addScaled(double alpha, INDArray x, INDArray y) {
        if (!blas.axpy(alpha, x, y)) {
            reference.addScaled(alpha, x, y);
        }
    }

    @Override
    public void scale(double alpha, INDArray x) {
        if (!blas.scal(alpha, x)) {
            reference.scale(alpha, x);
        }
    }

    @Override
    public void clamp(double limit, INDArray x) {
        if (!HeapViews.owns(x)) {
            reference.clamp(limit, x);
            return;
        }
        int length = Math.toIntExact(x.length());
        if (left.length < length) {
            left = new double[length];
            right = new double[length];
        }
        views.read(x, left, length);
        for (int i = 0; i < length; i++) {
            left[i] = Math.max(-limit, Math.min(limit, left[i]));
        }
        views.write(left, length, x);
    }

    @Override
    public double sumOfSquares(INDArray x) {
        return Blas.isVector(x) ? blas.sumOfSquares(x) : reference.sumOfSquares(x);
    }

    @Override
    public void copy(INDArray from, INDArray into) {
        if (!blas.copy(from, into)) {
            reference.copy(from, into);
        }
    }

    @Override
    public void write(double[] values, INDArray into) {
        if (HeapViews.owns(into) && into.length() == values.length) {
            views.write(values, values.length, into);
        } else {
            reference.write(values, into);
        }
    }

    /** A column [rows, 1] and a row [1, rows] of ones in the training type. */
    private static final class Ones {
        private final int rows;
        private INDArray column;
        private INDArray row;

        Ones(int rows) {
            this.rows = rows;
        }

        INDArray column(INDArray like) {
            if (column == null || column.dataType() != like.dataType()) {
                column = Nd4j.ones(like.dataType(), rows, 1);
            }
            return column;
        }

        INDArray row(INDArray like) {
            if (row == null || row.dataType() != like.dataType()) {
                row = Nd4j.ones(like.dataType(), 1, rows);
            }
            return row;
        }
    }
}
