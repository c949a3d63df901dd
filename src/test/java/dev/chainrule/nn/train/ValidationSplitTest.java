package dev.chainrule.nn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    @Test
    void stratifiedSplitKeepsEachClassShare() {
        int[] classes = IntStream.range(0, 100).map(i -> i < 80 ? 0 : 1).toArray();

        ValidationSplit.Split split = ValidationSplit.split(classes, 100, 0.25, 3);

        assertThat(split.validation()).hasSize(25);
        assertThat(Arrays.stream(split.validation()).filter(i -> classes[i] == 1).count()).isEqualTo(5);
        assertThat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())).sorted())
                .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
    }

    @Test
    void sameSeedSameSplitAndOtherSeedOtherSplit() {
        ValidationSplit.Split a = ValidationSplit.split(null, 50, 0.2, 9);
        ValidationSplit.Split b = ValidationSplit.split(null, 50, 0.2, 9);
        ValidationSplit.Split c = ValidationSplit.split(null, 50, 0.2, 10);

        assertThat(a.validation()).containsExactly(b.validation()).hasSize(10);
        assertThat(a.train()).containsExactly(b.train());
        assertThat(a.validation()).isNotEqualTo(c.validation());
    }

    @Test
    void aClassWithOneRowStaysInTraining() {
        // class 0: round(0.5·3) = 2 rows to validation; class 1: round(0.5·1) = 1, capped to 0
        ValidationSplit.Split split = ValidationSplit.split(new int[] {0, 0, 1, 0}, 4, 0.5, 2);

        assertThat(split.train()).hasSize(2).contains(2);
        assertThat(split.validation()).hasSize(2).doesNotContain(2);
    }

    @Test
    void zeroFractionKeepsEverythingForTraining() {
        ValidationSplit.Split split = ValidationSplit.split(new int[] {0, 1, 1}, 3, 0, 1);

        assertThat(split.train()).containsExactly(0, 1, 2);
        assertThat(split.validation()).isEmpty();
    }
}
