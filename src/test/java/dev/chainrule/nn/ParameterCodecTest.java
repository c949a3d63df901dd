package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ParameterCodecTest {

    private static final NetworkSpec SPEC = new NetworkSpec(3, List.of(new LayerSpec.Dense(4, Activation.RELU),
            new LayerSpec.Dropout(0.2), new LayerSpec.Dense(2, Activation.SOFTMAX)), Loss.CROSS_ENTROPY,
            WeightInit.HE_NORMAL, 5, 0);

    @Test
    void roundTripRestoresEveryValueExactly() {
        Network network = Network.create(SPEC, Precision.FLOAT32);
        List<LayerParameters> exported = network.exportParameters();

        List<LayerParameters> decoded = ParameterCodec.decode(ParameterCodec.encode(exported));
        Network restored = Network.create(SPEC, Precision.FLOAT32, decoded);

        assertThat(decoded).hasSize(2);
        for (int l = 0; l < 2; l++) {
            assertThat(decoded.get(l).weights()).isDeepEqualTo(exported.get(l).weights());
            assertThat(decoded.get(l).bias()).containsExactly(exported.get(l).bias());
        }
        assertThat(restored.parameterVector()).isEqualTo(network.parameterVector());
    }

    @Test
    void exportedWeightsHaveTheLayoutInputsByUnits() {
        List<LayerParameters> exported = Network.create(SPEC, Precision.FLOAT64).exportParameters();

        assertThat(exported.get(0).weights()).hasDimensions(3, 4);
        assertThat(exported.get(0).bias()).containsOnly(0.0).hasSize(4);
        assertThat(exported.get(1).weights()).hasDimensions(4, 2);
    }

    @Test
    void rejectsBytesThatAreNotParameters() {
        byte[] encoded = ParameterCodec.encode(Network.create(SPEC, Precision.FLOAT32).exportParameters());

        assertThatThrownBy(() -> ParameterCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> ParameterCodec.decode(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void initialParametersOfTheWrongShapeNameTheLayerAndBothShapes() {
        List<LayerParameters> wrong = List.of(new LayerParameters(new double[3][5], new double[5]),
                new LayerParameters(new double[4][2], new double[2]));

        assertThatThrownBy(() -> Network.create(SPEC, Precision.FLOAT32, wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 1 (dense 4 relu)").hasMessageContaining("[3, 4]")
                .hasMessageContaining("[3, 5]");
    }
}
