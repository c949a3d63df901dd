package dev.chainrule.dataset;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToLongFunction;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Splits the import's time without HTTP or the database, each phase adding one step to the one
 * before: reading the bytes, FastCSV's tokenising (UTF-8 decoding, one String per field), trimming
 * and parsing every field as a number, the full single pass (profiles, dictionaries, spooling),
 * and copying the spools into chunks (discarded here). Wall time and the thread's CPU time, since
 * the machine may be shared. Run by {@code parse-benchmark.sh}.
 */
public class ParseBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        double mb = Files.size(file) / 1e6;
        for (int run = 0; run < 2; run++) {
            System.out.println("run " + (run + 1));
            long[] start = now();
            long bytes = 0;
            try (InputStream in = open(file)) {
                byte[] buffer = new byte[256 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            report("read bytes", mb, start, bytes);

            start = now();
            report("+ FastCSV fields", mb, start, sumOverRecords(file, CsvRecord::getFieldCount));

            start = now();
            report("+ trim, parse", mb, start, sumOverRecords(file, record -> {
                long numbers = 0;
                for (int c = 0; c < record.getFieldCount(); c++) {
                    if (!Float.isNaN(Cells.parseNumber(Cells.trim(record.getField(c))))) {
                        numbers++;
                    }
                }
                return numbers;
            }));

            try (ColumnSpools spools = new ColumnSpools()) {
                start = now();
                CsvProfile profile;
                try (CsvRows rows = CsvRows.open(open(file), ',')) {
                    profile = CsvProfiler.profile(rows, null, 1000, spools);
                }
                report("+ profile, spool", mb, start, profile.rows());

                DatasetProperties properties = new DatasetProperties(null, 1000, 20, 65536, 1000);
                DatasetPlan plan = new SchemaPlanner(properties).plan(profile, null);
                start = now();
                long[] chunkBytes = new long[1];
                for (ColumnPlan column : plan.columns()) {
                    ChunkCopier.copy(profile.columns().get(column.index()), column, plan.rows(), 65536,
                            (c, first, chunks) -> chunks.forEach(data -> chunkBytes[0] += data.length));
                }
                report("spool -> chunks", mb, start, chunkBytes[0]);
            }
        }
    }

    private static long sumOverRecords(Path file, ToLongFunction<CsvRecord> perRecord) throws Exception {
        long sum = 0;
        try (CsvRows rows = CsvRows.open(open(file), ',')) {
            CsvRecord record;
            while ((record = rows.next()) != null) {
                sum += perRecord.applyAsLong(record);
            }
        }
        return sum;
    }

    private static InputStream open(Path file) throws Exception {
        return new BufferedInputStream(Files.newInputStream(file), 256 * 1024);
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static void report(String what, double mb, long[] start, long check) {
        double seconds = (System.nanoTime() - start[0]) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - start[1]) / 1e9;
        System.out.printf("%-18s %6.2f s wall %6.2f s CPU = %6.1f MB/s of CSV per CPU second  (%d)%n", what, seconds,
                cpu, mb / cpu, check);
    }
}
