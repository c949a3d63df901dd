package dev.chainrule.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.chainrule.dataset.FeatureColumn;
import dev.chainrule.dataset.Task;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.InvalidInputException;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Precision;
import dev.chainrule.nn.train.LabeledData;

class PreprocessingFitterTest {

    private static final int[] TRAIN = {0, 1, 2, 3};
    // Training values of x are 1, 2, 5 (row 2 is missing, row 4 is not a training row).
    private static final double MEAN = 8.0 / 3.0;
    private static final double STD = Math.sqrt(26.0) / 3.0;

    @Test
    void standardizesWithTrainingMeanAndPopulationStdImputesAndOneHots() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.CROSS_ENTROPY);

        LabeledData encoded = p.encode(Datasets.threeClasses(), new int[] {0, 2, 4}, Precision.FLOAT64);

        assertThat(p.inputs()).isEqualTo(4);
        assertThat(p.outputs()).isEqualTo(3);
        assertThat(p.featureNames()).containsExactly("x", "color");
        assertThat(p.classes()).containsExactly("a", "b", "c");
        assertThat(encoded.features().dataType()).isEqualTo(DataType.DOUBLE);
        double[][] x = encoded.features().toDoubleMatrix();
        assertThat(x[0]).containsExactly(new double[] {(1 - MEAN) / STD, 1, 0, 0}, within(1e-12));
        assertThat(x[1]).containsExactly(new double[] {0, 0, 0, 1}, within(1e-12));
        assertThat(x[2]).containsExactly(new double[] {(100 - MEAN) / STD, 0, 1, 0}, within(1e-12));
        assertThat(encoded.targets().toDoubleMatrix()).isEqualTo(new double[][] {{1, 0, 0}, {0, 0, 1}, {1, 0, 0}});
        assertThat(encoded.classIndices()).containsExactly(0, 2, 0);
    }

    @Test
    void withoutStandardizeKeepsRawValuesButStillImputesTheTrainingMean() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, false, Loss.CROSS_ENTROPY);

        INDArray x = p.encodeFeatures(Datasets.threeClasses(), Precision.FLOAT32);

        assertThat(x.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(x.getColumn(0).toDoubleVector()).containsExactly(new double[] {1, 2, MEAN, 5, 100}, within(1e-6));
    }

    @Test
    void aConstantColumnEncodesAsZeroInsteadOfDividingByZero() {
        var data = Datasets.withFeatures(Datasets.twoClasses(),
                List.of(new FeatureColumn.Numeric("x", new float[] {7, 7, 7, 7})));

        Preprocessing p = PreprocessingFitter.fit(data, new int[] {0, 1, 2, 3}, true, Loss.CROSS_ENTROPY);

        assertThat(p.encodeFeatures(data, Precision.FLOAT64).toDoubleVector()).containsExactly(0, 0, 0, 0);
    }

    @Test
    void binaryCrossEntropyEncodesOneZeroOneColumn() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.twoClasses(), new int[] {0, 1, 2, 3}, true,
                Loss.BINARY_CROSS_ENTROPY);

        LabeledData encoded = p.encode(Datasets.twoClasses(), new int[] {0, 1, 2, 3}, Precision.FLOAT64);

        assertThat(p.outputs()).isEqualTo(1);
        assertThat(encoded.targets().toDoubleMatrix()).isEqualTo(new double[][] {{0}, {1}, {1}, {0}});
        assertThat(encoded.classIndices()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void classesAreOneHotUnlessTwoClassesMeetOneOutputUnderBinaryCrossEntropyOrMse() {
        assertThat(PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.BINARY_CROSS_ENTROPY).target())
                .isInstanceOf(TargetEncoding.OneHot.class);
        assertThat(PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.MSE, 3).outputs()).isEqualTo(3);
        assertThat(PreprocessingFitter.fit(Datasets.twoClasses(), TRAIN, true, Loss.MSE, 1).target())
                .isInstanceOf(TargetEncoding.Binary.class);
        assertThat(PreprocessingFitter.fit(Datasets.twoClasses(), TRAIN, true, Loss.MSE, 2).target())
                .isInstanceOf(TargetEncoding.OneHot.class);
        assertThat(PreprocessingFitter.fit(Datasets.twoClasses(), TRAIN, true, Loss.BINARY_CROSS_ENTROPY).target())
                .isInstanceOf(TargetEncoding.Binary.class);
        LabeledData encoded = PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.MSE, 3)
                .encode(Datasets.threeClasses(), TRAIN, Precision.FLOAT64);
        assertThat(encoded.targets().sumNumber().doubleValue()).isEqualTo(TRAIN.length);
        assertThat(encoded.isClassification()).isTrue();
    }

    @Test
    void refusesALossThatDoesNotFitTheTask() {
        assertThat(PreprocessingFitter.mismatch(Task.CLASSIFICATION, 3, Loss.MAE)).get().asString()
                .contains("'mae' needs numeric targets");
        assertThat(PreprocessingFitter.mismatch(Task.REGRESSION, 0, Loss.CROSS_ENTROPY)).get().asString()
                .contains("'cross_entropy' needs class targets");
        assertThat(PreprocessingFitter.mismatch(Task.CLASSIFICATION, 3, Loss.CROSS_ENTROPY)).isEmpty();
        assertThat(PreprocessingFitter.mismatch(Task.CLASSIFICATION, 3, Loss.MSE)).isEmpty();
        assertThatThrownBy(() -> PreprocessingFitter.fit(Datasets.regression(), TRAIN, true, Loss.CROSS_ENTROPY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void regressionTargetIsZScoredWithTrainingRowsAndMappedBackOnDecode() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.regression(), TRAIN, true, Loss.MSE);
        // Training targets 10, 20, 30, 40: mean 25, population std sqrt(125).
        double std = Math.sqrt(125);

        LabeledData encoded = p.encode(Datasets.regression(), new int[] {0, 4}, Precision.FLOAT64);

        assertThat(p.task()).isEqualTo(Task.REGRESSION);
        assertThat(p.classes()).isEmpty();
        assertThat(encoded.classIndices()).isNull();
        assertThat(encoded.targets().toDoubleVector()).containsExactly((10 - 25) / std, (1000 - 25) / std);
        List<Prediction> decoded = p.decode(Nd4j.createFromArray(new double[][] {{0}, {2}}));
        assertThat(decoded.get(0).value()).isEqualTo(25.0);
        assertThat(decoded.get(1).value()).isCloseTo(25 + 2 * std, within(1e-12));
        assertThat(decoded.get(0).label()).isNull();
    }

    @Test
    void regressionWithoutStandardizeDecodesTheRawOutput() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.regression(), TRAIN, false, Loss.HUBER);

        assertThat(p.decode(Nd4j.createFromArray(new double[][] {{3.5}})).get(0).value()).isEqualTo(3.5);
    }

    @Test
    void decodesTheMostProbableClassWithEveryProbability() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.CROSS_ENTROPY);

        Prediction prediction = p.decode(Nd4j.createFromArray(new double[][] {{0.2, 0.5, 0.3}})).get(0);

        assertThat(prediction.label()).isEqualTo("b");
        assertThat(prediction.probabilities()).containsExactly(
                entry("a", 0.2), entry("b", 0.5),
                entry("c", 0.3));
        assertThatThrownBy(() -> p.decode(Nd4j.createFromArray(new double[][] {{0.2, 0.8}})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[n, 3]");
    }

    @Test
    void oneSigmoidOutputPicksTheSecondClassFromOneHalf() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.twoClasses(), new int[] {0, 1, 2, 3}, true,
                Loss.BINARY_CROSS_ENTROPY);

        List<Prediction> decoded = p.decode(Nd4j.createFromArray(new double[][] {{0.5}, {0.25}}));

        assertThat(decoded.get(0).label()).isEqualTo("yes");
        assertThat(decoded.get(1).label()).isEqualTo("no");
        assertThat(decoded.get(1).probabilities()).containsEntry("no", 0.75).containsEntry("yes", 0.25);
    }

    @Test
    void scoresADatasetWithReorderedColumnsByName() {
        var data = Datasets.threeClasses();
        Preprocessing p = PreprocessingFitter.fit(data, TRAIN, true, Loss.CROSS_ENTROPY);
        var reordered = Datasets.withFeatures(data, List.of(data.features().get(1), data.features().get(0)));

        assertThat(p.encodeFeatures(reordered, Precision.FLOAT64).toDoubleMatrix())
                .isEqualTo(p.encodeFeatures(data, Precision.FLOAT64).toDoubleMatrix());
    }

    @Test
    void aDatasetLackingATrainedColumnOrChangingItsTypeIsNamed() {
        var data = Datasets.threeClasses();
        Preprocessing p = PreprocessingFitter.fit(data, TRAIN, true, Loss.CROSS_ENTROPY);
        var changed = Datasets.withFeatures(data, List.of(
                new FeatureColumn.Categorical("x", List.of("1"), new int[] {0, 0, 0, 0, 0})));

        assertThatThrownBy(() -> p.encodeFeatures(changed, Precision.FLOAT64))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.faults()).extracting(Fault::column).containsExactly("x", "color");
                    assertThat(e.faults().get(0).message()).contains("categorical in the dataset but was numeric");
                    assertThat(e.faults().get(1).message()).contains("lacks");
                });
    }

    @Test
    void float32OutputsAreShownWithFloatPrecisionOnly() {
        Preprocessing p = PreprocessingFitter.fit(Datasets.twoClasses(), new int[] {0, 1, 2, 3}, true,
                Loss.BINARY_CROSS_ENTROPY);

        Prediction prediction = p.decode(Nd4j.createFromArray(new float[][] {{0.9994122f}})).get(0);

        assertThat(prediction.probabilities()).containsEntry("yes", 0.9994122);
        assertThat(prediction.probabilities().get("no")).isEqualTo(1.0 - 0.9994122);
    }

    @Test
    void manyRowsEncodeBlockByBlockExactlyAsEachRowAlone() {
        int rows = 40_000; // with 5 encoded columns: several blocks
        float[] x = new float[rows];
        int[] colors = new int[rows];
        int[] classes = new int[rows];
        int[] order = new int[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = r % 97 == 0 ? Float.NaN : (float) Math.sin(r) * 7;
            colors[r] = r % 3;
            classes[r] = r % 4 == 0 ? 1 : 0;
            order[r] = (int) ((r * 7919L) % rows); // every row once, out of order
        }
        dev.chainrule.dataset.DatasetData data = new dev.chainrule.dataset.DatasetData(java.util.UUID.randomUUID(),
                "many", Task.CLASSIFICATION, rows, List.of(new FeatureColumn.Numeric("x", x),
                        new FeatureColumn.Categorical("color", List.of("red", "green", Datasets.MISSING), colors)),
                new dev.chainrule.dataset.TargetColumn.Classes("class", List.of("a", "b"), classes));
        Preprocessing p = PreprocessingFitter.fit(data, order, true, Loss.CROSS_ENTROPY);

        for (Precision precision : Precision.values()) {
            INDArray all = p.encode(data, order, precision).features();
            for (int i = 0; i < rows; i += 997) {
                INDArray alone = p.encode(data, new int[] {order[i]}, precision).features();
                assertThat(all.getRow(i).toDoubleVector()).as("%s row %d", precision, i)
                        .containsExactly(alone.getRow(0).toDoubleVector());
            }
            assertThat(all.getRow(rows - 1).toDoubleVector())
                    .containsExactly(p.encode(data, new int[] {order[rows - 1]}, precision).features().toDoubleVector());
        }
    }
}
