package dev.chainrule.nn.kernel.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct BLAS path against products computed by plain loops, for every layout the engine uses. */
class BlasTest {

    @ParameterizedTest
    @CsvSource({
            "FLOAT, false, false, 1.0, 0.0", "FLOAT, true, false, 1.0, 1.0", "FLOAT, false, true, 0.5, 0.0",
            "FLOAT, true, true, 2.0, -1.0", "DOUBLE, false, false, 1.0, 0.0", "DOUBLE, true, false, 1.0, 1.0",
            "DOUBLE, false, true, 1.0, 0.0"})
    void matchesTheDefinitionForEveryTransposeAndScale(DataType type, boolean transA, boolean transB, double alpha,
            double beta) {
        int m = 5, k = 7, n = 3;
        INDArray a = random(type, transA ? k : m, transA ? m : k, 1);
        INDArray b = random(type, transB ? n : k, transB ? k : n, 2);
        INDArray c = random(type, m, n, 3);
        double[][] expected = reference(a, b, c, transA, transB, alpha, beta);

        new Blas().gemm(a, b, c, transA, transB, alpha, beta);
        INDArray once = random(type, m, n, 3);
        Blas.gemmOnce(a, b, once, transA, transB, alpha, beta);

        assertClose(c, expected, type);
        assertClose(once, expected, type);
    }

    @Test
    void readsAndWritesViewsAtAnOffsetIntoAFlatBuffer() {
        INDArray flat = random(DataType.FLOAT, 1, 200, 4).reshape(200);
        INDArray weights = Nd4j.create(flat.data(), new long[] {6, 4}, new long[] {4, 1}, 37, 'c', DataType.FLOAT);
        INDArray gradient = Nd4j.create(flat.data(), new long[] {6, 4}, new long[] {4, 1}, 101, 'c', DataType.FLOAT);
        INDArray x = random(DataType.FLOAT, 3, 6, 5);
        INDArray dz = random(DataType.FLOAT, 3, 4, 6);
        INDArray z = Nd4j.create(DataType.FLOAT, 3, 4);
        double[][] forward = reference(x, weights, z, false, false, 1, 0);
        double[][] accumulated = reference(x, dz, gradient, true, false, 1, 1);
        float before = flat.getFloat(100);

        Blas blas = new Blas();
        blas.gemm(x, weights, z, false, false, 1, 0);
        blas.gemm(x, dz, gradient, true, false, 1, 1);

        assertClose(z, forward, DataType.FLOAT);
        assertClose(gradient, accumulated, DataType.FLOAT);
        assertThat(flat.getFloat(100)).as("the element just before the gradient view").isEqualTo(before);
    }

    @Test
    void handlesRowVectorsSubMatricesAndColumnMajorInputs() {
        INDArray big = random(DataType.FLOAT, 10, 8, 7);
        INDArray rows = big.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
        INDArray columns = big.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4));
        INDArray ones = Nd4j.ones(DataType.FLOAT, 1, 3);
        INDArray rowOut = Nd4j.create(DataType.FLOAT, 1, 8);
        INDArray fOrder = random(DataType.FLOAT, 3, 10, 8).dup('f');
        INDArray out = Nd4j.create(DataType.FLOAT, 3, 3);
        double[][] rowExpected = reference(ones, rows, rowOut, false, false, 1, 0);
        double[][] mixedExpected = reference(fOrder, columns, out, false, false, 1, 0);

        Blas blas = new Blas();
        blas.gemm(ones, rows, rowOut, false, false, 1, 0);
        blas.gemm(fOrder, columns, out, false, false, 1, 0);

        assertClose(rowOut, rowExpected, DataType.FLOAT);
        assertClose(out, mixedExpected, DataType.FLOAT);
    }

    @Test
    void levelOneCallsWorkOnVectorsAndDenseViewsAndLeaveOtherLayoutsToTheCaller() {
        INDArray flat = random(DataType.FLOAT, 1, 40, 9).reshape(40);
        INDArray view = Nd4j.create(flat.data(), new long[] {3, 4}, new long[] {4, 1}, 10, 'c', DataType.FLOAT);
        INDArray x = random(DataType.FLOAT, 3, 4, 10);
        double[] before = flat.toDoubleVector();
        double[][] xs = x.toDoubleMatrix();
        Blas blas = new Blas();

        assertThat(blas.axpy(0.5, x, view)).isTrue();
        assertThat(blas.scal(2, view)).isTrue();

        double sumOfSquares = 0;
        for (int i = 0; i < 40; i++) {
            boolean inside = i >= 10 && i < 22;
            double expected = inside ? 2 * (before[i] + 0.5 * xs[(i - 10) / 4][(i - 10) % 4]) : before[i];
            assertThat(flat.getDouble(i)).as("element %d", i).isCloseTo(expected, within(1e-5));
            sumOfSquares += inside ? expected * expected : 0;
        }
        assertThat(blas.sumOfSquares(view)).isCloseTo(sumOfSquares, within(1e-4));
        INDArray column = random(DataType.FLOAT, 4, 3, 11).get(NDArrayIndex.all(), NDArrayIndex.point(1));
        assertThat(blas.axpy(1, column, Nd4j.create(DataType.FLOAT, 4))).isFalse();
        assertThat(blas.copy(x, Nd4j.create(DataType.DOUBLE, 3, 4))).isFalse();
    }

    @Test
    void rejectsShapesThatDoNotFit() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        INDArray b = Nd4j.create(DataType.FLOAT, 4, 5);

        assertThatThrownBy(() -> new Blas().gemm(a, b, Nd4j.create(DataType.FLOAT, 2, 5), false, false, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 3]").hasMessageContaining("[4, 5]");
    }

    private static INDArray random(DataType type, int rows, int columns, long seed) {
        return Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(seed), rows, columns).castTo(type);
    }

    private static double[][] reference(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB,
            double alpha, double beta) {
        int m = (int) c.rows(), n = (int) c.columns(), k = (int) (transA ? a.rows() : a.columns());
        double[][] result = new double[m][n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += (transA ? a.getDouble(p, i) : a.getDouble(i, p)) * (transB ? b.getDouble(j, p) : b.getDouble(p, j));
                }
                result[i][j] = alpha * sum + beta * c.getDouble(i, j);
            }
        }
        return result;
    }

    private static void assertClose(INDArray actual, double[][] expected, DataType type) {
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[i].length; j++) {
                assertThat(actual.getDouble(i, j)).as("[%d, %d]", i, j).isCloseTo(expected[i][j], within(tolerance));
            }
        }
    }
}
