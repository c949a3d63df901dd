package dev.chainrule.nn;

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
class GemmTest {

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

        Gemm.gemm(a, b, c, transA, transB, alpha, beta);

        assertClose(c, expected, type);
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

        Gemm.gemm(x, weights, z, false, false, 1, 0);
        Gemm.gemm(x, dz, gradient, true, false, 1, 1);

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

        Gemm.gemm(ones, rows, rowOut, false, false, 1, 0);
        Gemm.gemm(fOrder, columns, out, false, false, 1, 0);

        assertClose(rowOut, rowExpected, DataType.FLOAT);
        assertClose(out, mixedExpected, DataType.FLOAT);
    }

    @Test
    void rejectsShapesThatDoNotFit() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 3);
        INDArray b = Nd4j.create(DataType.FLOAT, 4, 5);

        assertThatThrownBy(() -> Gemm.gemm(a, b, Nd4j.create(DataType.FLOAT, 2, 5), false, false, 1, 0))
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
