package dev.chainrule.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CellsTest {

    @Test
    void fastPathRoundsExactlyLikeFloatParseFloat() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            int digits = 1 + random.nextInt(9);
            int decimals = random.nextInt(digits + 1);
            long mantissa = random.nextLong((long) Math.pow(10, digits));
            String text = String.format(Locale.ROOT, "%0" + digits + "d", mantissa);
            if (decimals > 0) {
                text = text.substring(0, digits - decimals) + "." + text.substring(digits - decimals);
            }
            if (random.nextBoolean()) {
                text = "-" + text;
            }
            if (random.nextInt(4) == 0) {
                text = text + "e" + (random.nextInt(21) - 10);
            }
            assertThat(Float.floatToIntBits(Cells.parseNumber(text))).as(text)
                    .isEqualTo(Float.floatToIntBits(Float.parseFloat(text)));
        }
    }

    @Test
    void acceptsPlainDecimalsOnly() {
        assertThat(Cells.parseNumber("+1.5")).isEqualTo(1.5f);
        assertThat(Cells.parseNumber(".5")).isEqualTo(0.5f);
        assertThat(Cells.parseNumber("7.")).isEqualTo(7f);
        assertThat(Cells.parseNumber("2E3")).isEqualTo(2000f);
        assertThat(Cells.parseNumber("123456789012345678901234")).isEqualTo(1.2345679e23f);
        for (String text : new String[] {"", "-", ".", "e5", "1e", "1e+", "0x1p3", "1d", "1f", "Infinity", "1,5",
                "1.2.3", "12abc", "1e39", "--1"}) {
            assertThat(Cells.parseNumber(text)).as(text).isNaN();
        }
    }

    @Test
    void missingTokensAfterTrimming() {
        for (String text : new String[] {"", " ", "?", " NA ", "NaN"}) {
            assertThat(Cells.isMissing(Cells.trim(text))).as(text).isTrue();
        }
        for (String text : new String[] {"0", "na", "nan", "N/A", "??"}) {
            assertThat(Cells.isMissing(Cells.trim(text))).as(text).isFalse();
        }
    }
}
