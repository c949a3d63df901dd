package dev.chainrule.dataset;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Times the import without HTTP or the database: FastCSV alone, then the single pass that
 * profiles and spools every column, then copying the spools into chunks (discarded here). Run by
 * {@code parse-benchmark.sh}.
 */
public class ParseBench {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double mb = Files.size(file) / 1e6;
        for (int run = 0; run < 2; run++) {
            long start = System.nanoTime();
            long fields = 0;
            try (CsvRows rows = CsvRows.open(open(file), ',')) {
                CsvRecord record;
                while ((record = rows.next()) != null) {
                    fields += record.getFieldCount();
                }
            }
            report("FastCSV only", mb, start, fields);

            try (ColumnSpools spools = new ColumnSpools()) {
                start = System.nanoTime();
                CsvProfile profile;
                try (CsvRows rows = CsvRows.open(open(file), ',')) {
                    profile = CsvProfiler.profile(rows, null, 1000, spools);
                }
                report("profile + spool", mb, start, profile.rows());

                DatasetProperties properties = new DatasetProperties(null, 1000, 20, 65536, 1000);
                DatasetPlan plan = new SchemaPlanner(properties).plan(profile, null);
                start = System.nanoTime();
                long[] bytes = new long[1];
                for (ColumnPlan column : plan.columns()) {
                    ChunkCopier.copy(profile.columns().get(column.index()), column, plan.rows(), 65536,
                            (c, first, chunks) -> chunks.forEach(data -> bytes[0] += data.length));
                }
                report("spool -> chunks", mb, start, bytes[0]);
            }
        }
    }

    private static InputStream open(Path file) throws Exception {
        return new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
    }

    private static void report(String what, double mb, long start, long check) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%-18s %7.1f MB/s of CSV  (%.2f s, %d)%n", what, mb / seconds, seconds, check);
    }
}
