package dev.chainrule.prediction;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.chainrule.fault.Fault;
import dev.chainrule.fault.MalformedInputException;

/**
 * Instances sent as a CSV body: a header row naming the feature columns, then one row per instance,
 * comma-separated. A row with another number of fields than the header is refused, naming the row
 * (data rows count from 1, as in an upload).
 */
record CsvInstances(List<String> header, List<List<String>> rows) {

    static CsvInstances read(String body) {
        List<String> header = null;
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).allowExtraFields(true)
                .allowMissingFields(true).ofCsvRecord(body == null ? "" : body)) {
            for (CsvRecord record : reader) {
                if (header == null) {
                    header = record.getFields().stream().map(String::strip).toList();
                    continue;
                }
                long row = rows.size() + 1L;
                if (record.getFieldCount() != header.size()) {
                    throw malformed(Fault.atRow(row, "Row " + row + " has " + record.getFieldCount()
                            + " fields; the header has " + header.size() + "."));
                }
                rows.add(record.getFields());
            }
        } catch (CsvParseException e) {
            throw malformed(Fault.atRow(rows.size() + 1L, "Row " + (rows.size() + 1) + " is not valid CSV: "
                    + e.getMessage()));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
        if (header == null || rows.isEmpty()) {
            throw malformed(Fault.atRow(header == null ? 0 : 1, "Send a header row naming the feature columns and "
                    + "at least one row of values."));
        }
        return new CsvInstances(header, rows);
    }

    private static MalformedInputException malformed(Fault fault) {
        return new MalformedInputException("invalid-instances", "Invalid instances", fault.message(), List.of(fault));
    }
}
