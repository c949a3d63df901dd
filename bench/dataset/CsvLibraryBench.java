import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads one CSV with each candidate library, touching every field (its length is summed so the JIT
 * cannot skip the work), and prints MB/s of the best of three runs. Run by {@code csv-libraries.sh}.
 */
public class CsvLibraryBench {

    interface Parse {
        long fields(Reader reader) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double mb = Files.size(file) / 1e6;
        measure("FastCSV 4.0.0", file, mb, CsvLibraryBench::fastCsv);
        measure("commons-csv 1.14.1", file, mb, CsvLibraryBench::commonsCsv);
        measure("jackson-dataformat-csv 3.1.7", file, mb, CsvLibraryBench::jacksonCsv);
    }

    static void measure(String name, Path file, double mb, Parse parse) throws IOException {
        double best = Double.MAX_VALUE;
        long checksum = 0;
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                checksum = parse.fields(reader);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        System.out.printf("%-30s %8.1f MB/s  (%.2f s, checksum %d)%n", name, mb / best, best, checksum);
    }

    static long fastCsv(Reader reader) {
        long sum = 0;
        for (CsvRecord record : CsvReader.builder().ofCsvRecord(reader)) {
            for (int i = 0; i < record.getFieldCount(); i++) {
                sum += record.getField(i).length();
            }
        }
        return sum;
    }

    static long commonsCsv(Reader reader) throws IOException {
        long sum = 0;
        for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
            for (int i = 0; i < record.size(); i++) {
                sum += record.get(i).length();
            }
        }
        return sum;
    }

    static long jacksonCsv(Reader reader) {
        long sum = 0;
        CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(reader)) {
            while (rows.hasNext()) {
                for (String field : rows.next()) {
                    sum += field.length();
                }
            }
        }
        return sum;
    }
}
