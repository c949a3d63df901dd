import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The W1 data of the comparison: ROWS × 784 features drawn from N(0, 1) (float32, written with four
 * decimals), and a label of ten classes from a fixed random linear teacher: argmax(x·T) with T's
 * entries uniform in [-1, 1). Both sides read this one file, so they train on the same numbers.
 * Usage: {@code java bench/compare/W1Teacher.java OUTPUT ROWS}.
 */
public class W1Teacher {

    private static final int FEATURES = 784;
    private static final int CLASSES = 10;

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        SplittableRandom teacherRandom = new SplittableRandom(7);
        float[][] teacher = new float[FEATURES][CLASSES];
        for (float[] row : teacher) {
            for (int j = 0; j < CLASSES; j++) {
                row[j] = (float) teacherRandom.nextDouble(-1, 1);
            }
        }
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(FEATURES * 8);
            for (int c = 0; c < FEATURES; c++) {
                line.append('x').append(c).append(',');
            }
            out.write(line.append("label\n").toString());
            double[] logits = new double[CLASSES];
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                java.util.Arrays.fill(logits, 0);
                for (int c = 0; c < FEATURES; c++) {
                    int tenThousandths = (int) Math.round(random.nextGaussian() * 10_000);
                    float x = tenThousandths / 10_000f;
                    for (int j = 0; j < CLASSES; j++) {
                        logits[j] += x * teacher[c][j];
                    }
                    appendFixed(line, tenThousandths).append(',');
                }
                int label = 0;
                for (int j = 1; j < CLASSES; j++) {
                    label = logits[j] > logits[label] ? j : label;
                }
                out.write(line.append(label).append('\n').toString());
            }
        }
    }

    private static StringBuilder appendFixed(StringBuilder line, int tenThousandths) {
        if (tenThousandths < 0) {
            line.append('-');
            tenThousandths = -tenThousandths;
        }
        int fraction = tenThousandths % 10_000;
        line.append(tenThousandths / 10_000).append('.');
        line.append((char) ('0' + fraction / 1000)).append((char) ('0' + fraction / 100 % 10))
                .append((char) ('0' + fraction / 10 % 10)).append((char) ('0' + fraction % 10));
        return line;
    }
}
