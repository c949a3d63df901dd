import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic CSV for the upload benchmark: 20 numeric columns (about 1 % missing), 3
 * categorical columns, one integer column and a string class label; 25 columns in all.
 * Usage: {@code java bench/dataset/GenerateCsv.java OUTPUT ROWS [SEED]}.
 */
public class GenerateCsv {

    private static final String[] COLORS = {"red", "green", "blue", "cyan", "magenta", "yellow", "black", "white"};
    private static final String[] CITIES = {"Berlin", "Paris", "Rome", "Madrid", "Vienna", "Lisbon", "Oslo",
            "Prague", "Warsaw", "Dublin", "Athens", "Helsinki"};
    private static final String[] LABELS = {"alpha", "beta", "gamma", "delta"};

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        SplittableRandom random = new SplittableRandom(args.length > 2 ? Long.parseLong(args[2]) : 42);
        if (output.getParent() != null) {
            Files.createDirectories(output.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(256);
            for (int c = 0; c < 20; c++) {
                line.append("x").append(c).append(',');
            }
            line.append("color,city,grade,count,label\n");
            out.write(line.toString());
            for (long r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < 20; c++) {
                    if (random.nextInt(100) != 0) {
                        appendFixed4(line, random.nextGaussian() * (c + 1) * 10);
                    }
                    line.append(',');
                }
                line.append(COLORS[random.nextInt(COLORS.length)]).append(',');
                line.append(CITIES[random.nextInt(CITIES.length)]).append(',');
                line.append((char) ('A' + random.nextInt(5))).append(',');
                line.append(random.nextInt(1000)).append(',');
                line.append(LABELS[random.nextInt(LABELS.length)]).append('\n');
                out.write(line.toString());
            }
        }
    }

    /** Four decimals without String.format, which would make the generator the slowest part. */
    private static void appendFixed4(StringBuilder line, double value) {
        long scaled = Math.round(Math.abs(value) * 10_000);
        if (value < 0 && scaled != 0) {
            line.append('-');
        }
        line.append(scaled / 10_000).append('.');
        String fraction = Long.toString(scaled % 10_000);
        line.append("0000", fraction.length(), 4).append(fraction);
    }
}
