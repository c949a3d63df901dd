package dev.chainrule.encoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.chainrule.dataset.DatasetData;
import dev.chainrule.nn.Loss;
import dev.chainrule.nn.Precision;

class PreprocessingCodecTest {

    private static final int[] TRAIN = {0, 1, 2, 3};

    @Test
    void roundTripsEveryKindOfEncodingExactly() {
        for (var fitted : List.of(
                PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.CROSS_ENTROPY),
                PreprocessingFitter.fit(Datasets.twoClasses(), TRAIN, false, Loss.BINARY_CROSS_ENTROPY),
                PreprocessingFitter.fit(Datasets.regression(), TRAIN, true, Loss.MAE))) {
            Preprocessing restored = PreprocessingCodec.decode(PreprocessingCodec.encode(fitted));

            assertThat(restored).isEqualTo(fitted);
            assertThat(restored.toBytes()).isEqualTo(fitted.toBytes());
        }
    }

    @Test
    void aRestoredPreprocessingEncodesBitForBitLikeTheFittedOne() {
        DatasetData data = Datasets.threeClasses();
        Preprocessing fitted = PreprocessingFitter.fit(data, TRAIN, true, Loss.CROSS_ENTROPY);

        Preprocessing restored = PreprocessingCodec.decode(fitted.toBytes());

        assertThat(restored.encodeFeatures(data, Precision.FLOAT64).toDoubleMatrix())
                .isEqualTo(fitted.encodeFeatures(data, Precision.FLOAT64).toDoubleMatrix());
    }

    @Test
    void refusesBytesThatAreNotAStoredPreprocessing() {
        byte[] stored = PreprocessingFitter.fit(Datasets.threeClasses(), TRAIN, true, Loss.CROSS_ENTROPY).toBytes();
        byte[] otherVersion = stored.clone();
        otherVersion[4] = 99;
        byte[] trailing = Arrays.copyOf(stored, stored.length + 1);

        assertThatThrownBy(() -> PreprocessingCodec.decode(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> PreprocessingCodec.decode(otherVersion))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 99");
        assertThatThrownBy(() -> PreprocessingCodec.decode(Arrays.copyOf(stored, stored.length - 3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PreprocessingCodec.decode(trailing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trailing");
    }
}
