package dev.chainrule.dataset;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Times the parts of an import without the database: raw FastCSV, the profiling pass, and the
 * encoding pass (chunks discarded). Run by {@code parse-benchmark.sh}.
 */
public class ParseBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double mb = Files.size(file) / 1e6;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long fields = 0;
            try (CsvRows rows = CsvRows.open(Files.newInputStream(file), ',')) {
                CsvRecord record;
                while ((record = rows.next()) != null) {
                    fields += record.getFieldCount();
                }
            }
            report("parse only", mb, start, fields);

            start = System.nanoTime();
            CsvProfile profile;
            try (CsvRows rows = CsvRows.open(Files.newInputStream(file), ',')) {
                profile = CsvProfiler.profile(rows, null, 1000);
            }
            report("profile (pass 1)", mb, start, profile.rows());

            DatasetProperties properties = new DatasetProperties(null, 1000, 20, 65536, 1000);
            DatasetPlan plan = new SchemaPlanner(properties).plan(profile, null);
            start = System.nanoTime();
            long[] bytes = new long[1];
            try (CsvRows rows = CsvRows.open(Files.newInputStream(file), ',')) {
                ChunkEncoder.encode(rows, plan, 65536, (c, i, n, data) -> bytes[0] += data.length);
            }
            report("encode (pass 2)", mb, start, bytes[0]);
        }
    }

    private static void report(String what, double mb, long start, long check) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-18s %7.1f MB/s  (%.2f s, %d)%n", what, mb / seconds, seconds, check);
    }
}
