package dev.chainrule.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import dev.chainrule.fault.DomainException;

/**
 * The header and the data rows of one CSV stream, read with FastCSV (RFC 4180: quoted fields with
 * embedded delimiters, quotes and newlines; LF or CRLF). Bytes are decoded as UTF-8, with or without
 * a byte order mark; invalid bytes become U+FFFD, which {@link ColumnProfile} reports with its row
 * (a decoder that throws reads ahead and could not say where). Every row must have as many fields
 * as the header. Faults become problems that name the row.
 */
final class CsvRows implements Closeable {

    private final CloseableIterator<CsvRecord> records;
    private final String[] header;
    /** -1 while the header is read, so that a fault there reports row 0. */
    private long row = -1;
    private long line;

    private CsvRows(CloseableIterator<CsvRecord> records) {
        this.records = records;
        CsvRecord first = advance();
        if (first == null) {
            throw DatasetProblems.emptyFile();
        }
        header = first.getFields().toArray(String[]::new);
        if (header.length == 1 && header[0].isBlank()) {
            throw DatasetProblems.emptyFile();
        }
        row = 0;
    }

    static CsvRows open(InputStream in, char delimiter) {
        CsvReader<CsvRecord> reader = CsvReader.builder()
                .fieldSeparator(delimiter)
                .skipEmptyLines(true)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .detectBomHeader(true)
                .ofCsvRecord(in, StandardCharsets.UTF_8);
        return new CsvRows(reader.iterator());
    }

    String[] header() {
        return header.clone();
    }

    /** The next data row, or null at the end; its field count equals the header's. */
    CsvRecord next() {
        CsvRecord record = advance();
        if (record == null) {
            return null;
        }
        row++;
        if (record.getFieldCount() != header.length) {
            throw DatasetProblems.wrongFieldCount(row, line, header.length, record.getFieldCount());
        }
        return record;
    }

    /** Data rows read so far; the number of the row last returned by {@link #next()}. */
    long row() {
        return row;
    }

    private CsvRecord advance() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CsvRecord record = records.next();
            line = record.getStartingLineNumber();
            return record;
        } catch (CsvParseException e) {
            if (e.getCause() instanceof DomainException refusal) {
                throw refusal;
            }
            throw DatasetProblems.malformed(row + 1, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
