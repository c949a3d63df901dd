package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class BatchSourceTest {

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gathersTheRowsOfTheOrderIncludingAPartialLastBatch(DataType type) {
        INDArray features = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(3), 11, 5);
        INDArray targets = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(4), 11, 2);
        BatchSource source = new BatchSource(new LabeledData(features, targets, null), type);
        int[] order = EpochOrder.of(11, true, 9, 0);

        for (int from = 0; from < 11; from += 4) {
            int count = Math.min(4, 11 - from);
            INDArray[] batch = source.gather(order, from, count);

            assertThat(batch[0].shape()).containsExactly(count, 5);
            assertThat(batch[0].dataType()).isEqualTo(type);
            for (int i = 0; i < count; i++) {
                assertThat(batch[0].getRow(i).toDoubleVector())
                        .containsExactly(features.getRow(order[from + i]).castTo(type).toDoubleVector());
                assertThat(batch[1].getRow(i).toDoubleVector())
                        .containsExactly(targets.getRow(order[from + i]).castTo(type).toDoubleVector());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void readsViewsFromTheirOwnFirstRow(DataType type) {
        INDArray all = Nd4j.rand(Nd4j.getRandomFactory().getNewRandomInstance(5), 10, 3).castTo(type);
        INDArray features = all.get(NDArrayIndex.interval(4, 10), NDArrayIndex.all());
        INDArray targets = all.get(NDArrayIndex.interval(4, 10), NDArrayIndex.interval(0, 1));
        BatchSource source = new BatchSource(new LabeledData(features, targets, null), type);

        INDArray[] batch = source.gather(new int[] {5, 0}, 0, 2);

        assertThat(batch[0].getRow(0).toDoubleVector()).containsExactly(all.getRow(9).toDoubleVector());
        assertThat(batch[0].getRow(1).toDoubleVector()).containsExactly(all.getRow(4).toDoubleVector());
        assertThat(batch[1].getDouble(1, 0)).isEqualTo(all.getDouble(4, 0));
    }
}
