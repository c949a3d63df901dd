package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class OutputScoreTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void countsRowsWhoseArgMaxIsTheTrueClassTakingTheFirstOfEqualMaxima(DataType type) {
        INDArray outputs = Nd4j.createFromArray(new double[][] {
                {0.1, 0.7, 0.2}, {0.5, 0.5, 0.0}, {0.2, 0.3, 0.5}, {-3, -1, -2}}).castTo(type);
        int[] classes = {1, 1, 2, 1};

        assertThat(OutputScore.correct(outputs, i -> classes[i])).isEqualTo(3);
    }

    @Test
    void agreesWithNd4jArgMaxOnRandomOutputsAndOnViews() {
        INDArray all = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(8), 50, 7);
        INDArray view = all.get(NDArrayIndex.interval(10, 40), NDArrayIndex.all());
        long[] expected = Nd4j.argMax(all, 1).toLongVector();
        int[] truth = new int[50];
        for (int i = 0; i < 50; i++) {
            truth[i] = (int) (i % 3 == 0 ? expected[i] : (expected[i] + 1) % 7);
        }

        assertThat(OutputScore.correct(all, i -> truth[i])).isEqualTo(17);
        assertThat(OutputScore.correct(view, i -> truth[i + 10])).isEqualTo(10);
    }
}
