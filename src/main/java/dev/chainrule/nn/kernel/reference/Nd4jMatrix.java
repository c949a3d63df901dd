package dev.chainrule.nn.kernel.reference;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

import dev.chainrule.nn.kernel.MatrixKernel;

/** The linear algebra of a layer as plain ND4J calls. Keeps nothing between calls. */
final class Nd4jMatrix implements MatrixKernel {

    @Override
    public void affine(INDArray x, INDArray weights, INDArray bias, INDArray z) {
        Nd4j.gemm(x, weights, z, false, false, 1.0, 0.0);
        z.addiRowVector(bias);
    }

    @Override
    public INDArray affine(INDArray x, INDArray weights, INDArray bias) {
        return x.mmul(weights).addiRowVector(bias);
    }

    @Override
    public void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c) {
        Nd4j.gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
    }

    @Override
    public void sumRows(INDArray m, INDArray into) {
        try (INDArray sums = m.sum(true, 0)) {
            into.assign(sums);
        }
    }

    @Override
    public void multiplyElements(INDArray x, INDArray y, INDArray out) {
        x.mul(y, out);
    }

    @Override
    public void addScaled(double alpha, INDArray x, INDArray y) {
        try (INDArray scaled = x.mul(alpha)) {
            y.addi(scaled);
        }
    }

    @Override
    public void scale(double alpha, INDArray x) {
        x.muli(alpha);
    }

    @Override
    public void clamp(double limit, INDArray x) {
        Transforms.min(Transforms.max(x, -limit, false), limit, false);
    }

    @Override
    public double sumOfSquares(INDArray x) {
        try (INDArray squares = x.mul(x)) {
            return squares.sumNumber().doubleValue();
        }
    }

    @Override
    public void copy(INDArray from, INDArray into) {
        into.assign(from);
    }

    @Override
    public void write(double[] values, INDArray into) {
        try (INDArray fresh = Nd4j.createFromArray(values)) {
            into.assign(fresh.reshape(into.shape()));
        }
    }
}
