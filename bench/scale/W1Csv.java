import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a CSV shaped like the W1 workload of the training benchmark: 784 numeric features in
 * [0, 1) with three decimals, and a label of ten classes: the index of the largest of the first ten.
 * Usage: {@code java bench/scale/W1Csv.java OUTPUT ROWS}.
 */
public class W1Csv {

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(784 * 6);
            for (int c = 0; c < 784; c++) {
                line.append('p').append(c).append(',');
            }
            out.write(line.append("label\n").toString());
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                int label = 0;
                int largest = -1;
                for (int c = 0; c < 784; c++) {
                    int milli = random.nextInt(1000);
                    if (c < 10 && milli > largest) {
                        largest = milli;
                        label = c;
                    }
                    line.append(milli / 1000).append('.').append((char) ('0' + milli / 100))
                            .append((char) ('0' + milli / 10 % 10)).append((char) ('0' + milli % 10)).append(',');
                }
                out.write(line.append(label).append('\n').toString());
            }
        }
    }
}
