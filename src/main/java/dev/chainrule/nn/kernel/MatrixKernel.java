package dev.chainrule.nn.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The linear algebra of a layer. Methods that write into an array given to them belong to the
 * training pass: they may cache what they learn about those arrays (native pointers, memory views)
 * by identity, so the arrays must stay open and keep their identity (one buffer per batch size, see
 * {@code docs/engine.md}). Methods that return a new array belong to inference: they keep nothing and
 * may be called from several threads at once.
 */
public interface MatrixKernel {

    /** {@code z = x·W + b}, the row vector {@code b} added to every row. */
    void affine(INDArray x, INDArray weights, INDArray bias, INDArray z);

    /** A new array {@code x·W + b} (inference). */
    INDArray affine(INDArray x, INDArray weights, INDArray bias);

    /** {@code c = op(a)·op(b)}, {@code op} transposing where asked (no transposed copy is made). */
    void multiply(INDArray a, boolean transposeA, INDArray b, boolean transposeB, INDArray c);

    /** {@code into = 1ᵀ·m}: the sum of {@code m}'s rows, as a row vector. */
    void sumRows(INDArray m, INDArray into);

    /** {@code out = x ⊙ y}, element by element. */
    void multiplyElements(INDArray x, INDArray y, INDArray out);

    /** {@code y += alpha·x} over arrays of one shape. */
    void addScaled(double alpha, INDArray x, INDArray y);

    /** {@code x *= alpha} (gradient clipping by norm). */
    void scale(double alpha, INDArray x);

    /** Every value of {@code x} clamped to [−limit, limit] (gradient clipping by value). */
    void clamp(double limit, INDArray x);

    /** {@code Σ x²}. */
    double sumOfSquares(INDArray x);

    /** {@code into = from} over two arrays of one type and length. */
    void copy(INDArray from, INDArray into);

    /** Copies {@code values} (row-major) into {@code into}. */
    void write(double[] values, INDArray into);
}
