package dev.chainrule.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.chainrule.table.Tabular;

/** Writes a {@link Tabular} answer as {@code text/csv}: a header row, then one line per row. */
class CsvTableConverter extends AbstractHttpMessageConverter<Tabular> {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    CsvTableConverter() {
        super(TEXT_CSV);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Tabular.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Tabular readInternal(Class<? extends Tabular> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("A table is written, never read.", input);
    }

    @Override
    protected void writeInternal(Tabular answer, HttpOutputMessage output) throws java.io.IOException {
        Writer text = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(text)) {
            csv.writeRecord(answer.table().header());
            answer.table().rows().forEach(csv::writeRecord);
        }
    }
}
