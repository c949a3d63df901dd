package dev.chainrule.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonNamedTest {

    @Test
    void aConstantIsNamedInLowerCaseAndFoundByThatNameOnly() {
        assertThat(Activation.LEAKY_RELU.jsonName()).isEqualTo("leaky_relu");
        assertThat(JsonNamed.fromJsonName(Activation.class, "leaky_relu")).contains(Activation.LEAKY_RELU);
        assertThat(Loss.fromJsonName("binary_cross_entropy")).contains(Loss.BINARY_CROSS_ENTROPY);
        assertThat(Activation.fromJsonName("LEAKY_RELU")).isEmpty();
        assertThat(Precision.fromJsonName(null)).isEmpty();
    }

    @Test
    void choicesListTheNamesInDeclarationOrderForAMessage() {
        assertThat(JsonNamed.choices(Precision.class)).isEqualTo("float32 or float64");
        assertThat(JsonNamed.choices(WeightInit.class))
                .isEqualTo("xavier_uniform, xavier_normal, he_uniform, he_normal, lecun_uniform or torch_default");
    }
}
